# A bank simulation: accounts with inheritance, properties, class methods,
# custom exceptions, a transaction log and a deterministic day-by-day replay.

class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount:.2f}, balance {account.balance:.2f}")
        self.shortfall = amount - account.balance


class AccountFrozen(BankError):
    pass


class Account:
    _next_id = 1000
    kind = "basic"

    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = float(balance)
        self.frozen = False
        self.history = []

    @property
    def balance(self):
        return round(self._balance, 2)

    @classmethod
    def open(cls, owner, deposit):
        acct = cls(owner)
        acct.deposit(deposit)
        return acct

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        self._check()
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):
        pass

    def __repr__(self):
        return f"<{type(self).__name__} {self.id} {self.owner} {self.balance:.2f}>"

    def __lt__(self, other):
        return self.balance < other.balance


class Savings(Account):
    kind = "savings"
    rate = 0.02

    def month_end(self):
        interest = self._balance * self.rate / 12
        self._balance += interest
        self.history.append(("int", round(interest, 4)))


class Checking(Account):
    kind = "checking"

    def __init__(self, owner, balance=0.0, overdraft=100.0):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def withdraw(self, amount):
        self._check()
        if amount > self._balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):
        if self._balance < 0:
            self._balance -= 5
            self.history.append(("fee", 5))


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.failures = []

    def add(self, acct):
        self.accounts[acct.id] = acct
        return acct

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        try:
            a.withdraw(amount)
        except BankError as e:
            self.failures.append((type(e).__name__, str(e)))
            return False
        else:
            b.deposit(amount)
            return True
        finally:
            pass

    def total(self):
        return round(sum(a._balance for a in self.accounts.values()), 2)

    def report(self):
        print(f"== {self.name}: {len(self.accounts)} accounts, total {self.total():.2f}")
        for acct in sorted(self.accounts.values(), key=lambda a: (a.kind, a.id)):
            print(f"  {acct.kind:<9}{acct!r}")


bank = Bank("First Adder Bank")
alice = bank.add(Savings.open("alice", 1200))
bob = bank.add(Checking.open("bob", 300))
carol = bank.add(Account("carol", 50))
dave = bank.add(Checking("dave", 0, overdraft=20))

plan = [
    (alice.id, bob.id, 200), (bob.id, carol.id, 550), (carol.id, dave.id, 10),
    (dave.id, alice.id, 45), (bob.id, dave.id, 40.5), (carol.id, alice.id, 1000),
]
for day, (src, dst, amount) in enumerate(plan, 1):
    ok = bank.transfer(src, dst, amount)
    print(f"day {day}: {src} -> {dst} {amount:>7.2f} {'ok' if ok else 'FAILED'}")
    if day % 3 == 0:
        for acct in bank.accounts.values():
            acct.month_end()
bank.report()
carol.frozen = True
print(bank.transfer(carol.id, alice.id, 1))
try:
    carol.deposit(5)
except AccountFrozen as e:
    print("frozen:", e)
try:
    alice.deposit(-1)
except ValueError as e:
    print("ValueError:", e)
for kind, msg in bank.failures:
    print(kind, "|", msg)
print("richest:", max(bank.accounts.values()).owner, "poorest:", min(bank.accounts.values()).owner)
print(alice.history)
print(bob.history)
print([a.kind for a in sorted(bank.accounts.values())])
