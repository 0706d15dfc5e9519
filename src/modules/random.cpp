// The _random module: Random, CPython's Mersenne Twister (MT19937 with
// init_by_array seeding, Modules/_randommodule.c), so that random.seed(N)
// followed by random.random()/getrandbits()/randrange() reproduces CPython's
// numbers exactly. random.py (pure Python) builds everything else on
// random(), getrandbits(), seed(), getstate() and setstate().
#include <cstring>
#include <sys/random.h>
#include <vector>

#include <gmp.h>

#include "modules/stdlib_modules.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

static constexpr int N = 624;
static constexpr int M = 397;

class RandomObject : public Object {
public:
    explicit RandomObject(Type* t) : Object(t) {}
    uint32_t m_state[N];
    int m_index = N + 1;
};

static Type* g_random_type;
static RandomObject* as_random(Value v) { return static_cast<RandomObject*>(v.as_object()); }

static uint32_t genrand_uint32(RandomObject* self)
{
    static const uint32_t mag01[2] = { 0x0U, 0x9908b0dfU };
    uint32_t* mt = self->m_state;
    uint32_t y;
    if (self->m_index >= N) {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[N - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->m_index = 0;
    }
    y = mt[self->m_index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(RandomObject* self, uint32_t s)
{
    uint32_t* mt = self->m_state;
    mt[0] = s;
    for (int i = 1; i < N; i++)
        mt[i] = (1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i));
    self->m_index = N;
}

static void init_by_array(RandomObject* self, const uint32_t* key, size_t key_length)
{
    uint32_t* mt = self->m_state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = (N > key_length ? N : key_length);
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + uint32_t(j);
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= key_length)
            j = 0;
    }
    for (k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

// Seeds from the 32-bit words of non-negative int `n` (little-endian), as CPython.
static void seed_from_int(RandomObject* self, Value n)
{
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n, z);
    mpz_abs(z, z);
    size_t count = 0;
    std::vector<uint32_t> key((mpz_sizeinbase(z, 2) + 31) / 32 + 1);
    mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
    mpz_clear(z);
    if (count == 0) {
        key[0] = 0;
        count = 1;
    }
    init_by_array(self, key.data(), count);
}

static Status random_seed_impl(RandomObject* self, Value arg)
{
    if (!arg || is_none(arg)) {
        uint32_t key[N];
        if (::getrandom(key, sizeof key, 0) != ssize_t(sizeof key)) {
            // FIXME: CPython falls back to time and pid; getrandom does not fail on Linux in practice.
            return stdmod::raise_os_error(errno);
        }
        init_by_array(self, key, N);
        return ok();
    }
    Value n = arg;
    if (!is_exact_int(arg)) {
        if (is_int(arg)) {
            n = int_exact(arg);
        } else {
            int64_t h = TRY(hash(arg));
            n = int_from_i64(h);
        }
    }
    seed_from_int(self, n);
    return ok();
}

static Result<Value> random_new(Type* type, CallArgs args)
{
    if (type == g_random_type && args.kwnames && args.nkw())
        return throw_error(g_TypeError, "Random() takes no keyword arguments");
    if (args.nargs > 1)
        return throw_error(g_TypeError, "Random() expected at most 1 argument, got %zu", args.nargs);
    RandomObject* r = make<RandomObject>(type);
    TRY(random_seed_impl(r, args.nargs ? args[0] : Value()));
    return Value(r);
}

static Status random_init(Value, CallArgs) { return ok(); }

static Result<Value> random_seed(Value self, CallArgs args)
{
    TRY(check_arity(args, "seed", 0, 1));
    TRY(random_seed_impl(as_random(self), args.nargs ? args[0] : Value()));
    return none();
}

static Result<Value> random_random(Value self, CallArgs args)
{
    TRY(check_arity(args, "random", 0, 0));
    uint32_t a = genrand_uint32(as_random(self)) >> 5, b = genrand_uint32(as_random(self)) >> 6;
    return float_value((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Result<Value> random_getrandbits(Value self, CallArgs args)
{
    TRY(check_arity(args, "getrandbits", 1, 1));
    int64_t k = TRY(index_as_i64(args[0]));
    if (k < 0)
        return throw_error(g_ValueError, "number of bits must be non-negative");
    if (k == 0)
        return Value::small(0);
    RandomObject* r = as_random(self);
    if (k <= 32)
        return int_from_i64(genrand_uint32(r) >> (32 - k));
    size_t words = size_t((k - 1) / 32 + 1);
    std::vector<uint32_t> wordarray(words);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand_uint32(r);
        if (k < 32)
            w >>= (32 - k);
        wordarray[i] = w;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, wordarray.data());
    Value out = int_from_mpz(z);
    mpz_clear(z);
    return out;
}

static Result<Value> random_getstate(Value self, CallArgs args)
{
    TRY(check_arity(args, "getstate", 0, 0));
    RandomObject* r = as_random(self);
    std::vector<Value> items;
    items.reserve(N + 1);
    for (int i = 0; i < N; i++)
        items.push_back(int_from_i64(r->m_state[i]));
    items.push_back(Value::small(r->m_index));
    return Value(Tuple::create(std::move(items)));
}

static Result<Value> random_setstate(Value self, CallArgs args)
{
    TRY(check_arity(args, "setstate", 1, 1));
    Value state = args[0];
    if (!is_tuple(state))
        return throw_error(g_TypeError, "state vector must be a tuple");
    Tuple* t = as_tuple(state);
    if (t->size() != N + 1)
        return throw_error(g_ValueError, "state vector is the wrong size");
    uint32_t newstate[N];
    for (int i = 0; i < N; i++) {
        Value v = t->at(size_t(i));
        if (!is_int(v))
            return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", v.type()->m_name.c_str());
        int64_t x;
        if (!int_fits_i64(v, x) || x < 0 || x > 0xffffffffLL) {
            if (int_sign(v) < 0)
                return throw_error(g_OverflowError, "can't convert negative int to unsigned");
            return throw_error(g_OverflowError, "Python int too large to convert to C unsigned long");
        }
        newstate[i] = uint32_t(x);
    }
    Value iv = t->at(N);
    if (!is_int(iv))
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", iv.type()->m_name.c_str());
    int64_t index = TRY(index_as_i64(iv));
    if (index < 0 || index > N)
        return throw_error(g_ValueError, "invalid state");
    RandomObject* r = as_random(self);
    std::memcpy(r->m_state, newstate, sizeof newstate);
    r->m_index = int(index);
    return none();
}

Module* create_random_module()
{
    if (!g_random_type) {
        Type* t = g_random_type = new_builtin_type("Random", g_object_type, Layout::Other);
        t->new_ = random_new;
        t->init = random_init;
        add_method(t, "seed", random_seed);
        add_method(t, "random", random_random);
        add_method(t, "getrandbits", random_getrandbits);
        add_method(t, "getstate", random_getstate);
        add_method(t, "setstate", random_setstate);
        type_ready(t);
        t->dict()->set_str("__module__", Value(Str::intern("_random")));
    }
    Module* m = Module::create("_random");
    m->dict()->set_str("Random", Value(g_random_type));
    return m;
}

} // namespace adder
