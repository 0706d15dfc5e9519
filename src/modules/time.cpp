// The time module (Modules/timemodule.c): clocks (time, monotonic,
// perf_counter, process_time, thread_time and their _ns forms), sleep, and the
// calendar functions localtime/gmtime/mktime/strftime/asctime/ctime on the C
// library, with struct_time as a tuple subclass defined in a small prelude.
// FIXME: strptime (CPython delegates to _strptime.py), get_clock_info, tzset.
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include "modules/stdlib_modules.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace adder {

static Value g_struct_time; // the struct_time class (module attribute, rooted by the module)

static int64_t clock_ns(clockid_t id)
{
    timespec ts;
    clock_gettime(id, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

static double clock_secs(clockid_t id)
{
    timespec ts;
    clock_gettime(id, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

#define ADDER_CLOCK(pyname, id)                                                             \
    static Result<Value> time_##pyname(Value, CallArgs args)                                \
    {                                                                                       \
        TRY(check_arity(args, #pyname, 0, 0));                                              \
        return float_value(clock_secs(id));                                                 \
    }                                                                                       \
    static Result<Value> time_##pyname##_ns(Value, CallArgs args)                           \
    {                                                                                       \
        TRY(check_arity(args, #pyname "_ns", 0, 0));                                        \
        return int_from_i64(clock_ns(id));                                                  \
    }
ADDER_CLOCK(time, CLOCK_REALTIME)
ADDER_CLOCK(monotonic, CLOCK_MONOTONIC)
ADDER_CLOCK(perf_counter, CLOCK_MONOTONIC)
ADDER_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
ADDER_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef ADDER_CLOCK

static Result<Value> time_sleep(Value, CallArgs args)
{
    TRY(check_arity(args, "sleep", 1, 1));
    if (!is_int(args[0]) && !is_float(args[0]))
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", args[0].type()->m_name.c_str());
    double secs = TRY(to_double(args[0]));
    if (std::isnan(secs))
        return throw_error(g_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return throw_error(g_ValueError, "sleep length must be non-negative");
    timespec ts;
    ts.tv_sec = time_t(secs);
    ts.tv_nsec = long((secs - double(ts.tv_sec)) * 1e9);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        // FIXME: run signal handlers here (PEP 475) once signals exist.
    }
    return none();
}

// The seconds argument of localtime/gmtime/ctime: None or absent = now.
static Result<time_t> secs_arg(CallArgs args, const char* fname)
{
    TRY(check_arity(args, fname, 0, 1));
    if (args.nargs == 0 || is_none(args[0]))
        return time_t(::time(nullptr));
    if (is_float(args[0])) {
        double d = float_of(args[0]);
        if (std::isnan(d))
            return throw_error(g_ValueError, "Invalid value NaN (not a number)");
        d = std::trunc(d);
        if (!(d >= double(LLONG_MIN) && d < double(LLONG_MAX)))
            return throw_error(g_OverflowError, "timestamp out of range for platform time_t");
        return time_t(d);
    }
    if (!is_int(args[0]))
        return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", args[0].type()->m_name.c_str());
    int64_t secs;
    if (!int_fits_i64(args[0], secs))
        return throw_error(g_OverflowError, "timestamp out of range for platform time_t");
    return time_t(secs);
}

static Result<Value> make_struct_time(const tm& t)
{
    Value items[11] = { int_from_i64(t.tm_year + 1900LL), Value::small(t.tm_mon + 1), Value::small(t.tm_mday),
                        Value::small(t.tm_hour), Value::small(t.tm_min), Value::small(t.tm_sec),
                        Value::small((t.tm_wday + 6) % 7), Value::small(t.tm_yday + 1), Value::small(t.tm_isdst),
                        t.tm_zone ? Value(Str::create(t.tm_zone)) : none(), Value::small(t.tm_gmtoff) };
    Tuple* seq = Tuple::create(std::span<const Value>(items, 11));
    return call(g_struct_time, { Value(seq) });
}

static Result<Value> time_localtime(Value, CallArgs args)
{
    time_t secs = TRY(secs_arg(args, "localtime"));
    tm t;
    errno = 0;
    if (!localtime_r(&secs, &t))
        return errno == EOVERFLOW || errno == 0 ? throw_error(g_OverflowError, "timestamp out of range for platform time_t")
                                                : stdmod::raise_os_error(errno);
    return make_struct_time(t);
}

static Result<Value> time_gmtime(Value, CallArgs args)
{
    time_t secs = TRY(secs_arg(args, "gmtime"));
    tm t;
    errno = 0;
    if (!gmtime_r(&secs, &t))
        return errno == EOVERFLOW || errno == 0 ? throw_error(g_OverflowError, "timestamp out of range for platform time_t")
                                                : stdmod::raise_os_error(errno);
    return make_struct_time(t);
}

// Converts a struct_time or 9-tuple to struct tm (CPython's gettmarg).
static Result<tm> tm_arg(Value v, const char* fname)
{
    if (!is_tuple(v))
        return throw_error(g_TypeError, "Tuple or struct_time argument required");
    Tuple* tup = as_tuple(v);
    if (tup->size() != 9)
        return throw_error(g_TypeError, "%s(): illegal time tuple argument", fname);
    int64_t f[9];
    for (size_t i = 0; i < 9; ++i) {
        if (!is_int(tup->at(i)))
            return throw_error(g_TypeError, "'%s' object cannot be interpreted as an integer", tup->at(i).type()->m_name.c_str());
        if (!int_fits_i64(tup->at(i), f[i]) || f[i] > INT_MAX || f[i] < INT_MIN)
            return throw_error(g_OverflowError, "Python int too large to convert to C int");
    }
    tm t {};
    t.tm_year = int(f[0] - 1900);
    t.tm_mon = int(f[1] - 1);
    t.tm_mday = int(f[2]);
    t.tm_hour = int(f[3]);
    t.tm_min = int(f[4]);
    t.tm_sec = int(f[5]);
    t.tm_wday = int((f[6] + 1) % 7);
    t.tm_yday = int(f[7] - 1);
    t.tm_isdst = int(f[8]);
    Value zone = TRY(get_attr_optional(v, Str::intern("tm_zone")));
    if (zone && is_str(zone)) {
        static std::string zone_buf; // tm_zone must outlive the call; one thread.
        zone_buf = as_str(zone)->data();
        t.tm_zone = zone_buf.c_str();
    }
    Value off = TRY(get_attr_optional(v, Str::intern("tm_gmtoff")));
    int64_t gmtoff;
    if (off && is_int(off) && int_fits_i64(off, gmtoff))
        t.tm_gmtoff = long(gmtoff);
    return t;
}

// CPython's checktm plus the strftime normalisations (0 -> 1 for month/day).
static Status check_tm(tm& t, bool for_strftime)
{
    if (for_strftime) {
        if (t.tm_mon == -1)
            t.tm_mon = 0;
        if (t.tm_mday == 0)
            t.tm_mday = 1;
        if (t.tm_yday == -1)
            t.tm_yday = 0;
        if (t.tm_isdst < -1)
            t.tm_isdst = -1;
        else if (t.tm_isdst > 1)
            t.tm_isdst = 1;
    }
    if (t.tm_mon < 0 || t.tm_mon > 11)
        return throw_error(g_ValueError, "month out of range");
    if (t.tm_mday < 1 || t.tm_mday > 31)
        return throw_error(g_ValueError, "day of month out of range");
    if (t.tm_hour < 0 || t.tm_hour > 23)
        return throw_error(g_ValueError, "hour out of range");
    if (t.tm_min < 0 || t.tm_min > 59)
        return throw_error(g_ValueError, "minute out of range");
    if (t.tm_sec < 0 || t.tm_sec > 61)
        return throw_error(g_ValueError, "seconds out of range");
    if (t.tm_wday < 0)
        return throw_error(g_ValueError, "day of week out of range");
    if (t.tm_yday < 0 || t.tm_yday > 365)
        return throw_error(g_ValueError, "day of year out of range");
    return ok();
}

static Result<Value> time_strftime(Value, CallArgs args)
{
    TRY(check_arity(args, "strftime", 1, 2));
    if (!is_str(args[0]))
        return throw_error(g_TypeError, "strftime() argument 1 must be str, not %s", args[0].type()->m_name.c_str());
    tm t;
    if (args.nargs == 2) {
        t = TRY(tm_arg(args[1], "strftime"));
        TRY(check_tm(t, true));
    } else {
        time_t now = ::time(nullptr);
        localtime_r(&now, &t);
    }
    std::string fmt(as_str(args[0])->view());
    if (fmt.find('\0') != std::string::npos)
        return throw_error(g_ValueError, "embedded null character");
    if (fmt.empty())
        return Value(Str::create(""));
    // A trailing byte keeps an empty expansion (e.g. "%p" in some locales) distinguishable from overflow.
    fmt += '\x01';
    std::string buf(256, '\0');
    for (;;) {
        size_t n = std::strftime(buf.data(), buf.size(), fmt.c_str(), &t);
        if (n > 0) {
            buf.resize(n - 1);
            break;
        }
        if (buf.size() > fmt.size() * 256 + 4096)
            return Value(Str::create(""));
        buf.resize(buf.size() * 2);
    }
    return Value(Str::create(buf));
}

static Result<Value> time_mktime(Value, CallArgs args)
{
    TRY(check_arity(args, "mktime", 1, 1));
    tm t = TRY(tm_arg(args[0], "mktime"));
    t.tm_wday = -1; // sentinel: mktime() sets it on success
    time_t r = ::mktime(&t);
    if (r == time_t(-1) && t.tm_wday == -1)
        return throw_error(g_OverflowError, "mktime argument out of range");
    return float_value(double(r));
}

static std::string asctime_text(const tm& t)
{
    static const char* days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char* months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[t.tm_wday % 7], months[t.tm_mon], t.tm_mday, t.tm_hour,
                  t.tm_min, t.tm_sec, 1900 + t.tm_year);
    return buf;
}

static Result<Value> time_asctime(Value, CallArgs args)
{
    TRY(check_arity(args, "asctime", 0, 1));
    tm t;
    if (args.nargs == 1) {
        t = TRY(tm_arg(args[0], "asctime"));
        TRY(check_tm(t, false));
    } else {
        time_t now = ::time(nullptr);
        localtime_r(&now, &t);
    }
    return Value(Str::create(asctime_text(t)));
}

static Result<Value> time_ctime(Value, CallArgs args)
{
    time_t secs = TRY(secs_arg(args, "ctime"));
    tm t;
    if (!localtime_r(&secs, &t))
        return throw_error(g_OverflowError, "timestamp out of range for platform time_t");
    return Value(Str::create(asctime_text(t)));
}

static const char* k_time_prelude = R"PY(
class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime()."""
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        if n < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({n}-sequence given)")
        if n > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        extra = list(seq[9:]) + [None] * (11 - n)
        if dict:
            for i, k in enumerate(('tm_zone', 'tm_gmtoff')):
                if k in dict:
                    extra[i] = dict[k]
        self._extra = tuple(extra)
        return self
    def __repr__(self):
        body = ', '.join(f'{k}={v!r}' for k, v in zip(struct_time.__match_args__, self))
        return f'time.struct_time({body})'
    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self._extra[0], 'tm_gmtoff': self._extra[1]}))
    tm_zone = property(lambda self: self._extra[0], doc='abbreviation of timezone name')
    tm_gmtoff = property(lambda self: self._extra[1], doc='offset from UTC in seconds')

def _field(i, doc):
    return property(lambda self: tuple.__getitem__(self, i), doc=doc)
for _i, _k in enumerate(struct_time.__match_args__):
    setattr(struct_time, _k, _field(_i, _k))
del _i, _k, _field

def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import _strptime
    return _strptime._strptime_time(string, format)
)PY";

// timezone/altzone/daylight/tzname from January and July of this year (CPython's init_timezone).
static void set_timezone_attrs(Dict* d)
{
    tzset();
    time_t now = ::time(nullptr);
    tm cur;
    localtime_r(&now, &cur);
    tm jan {}, jul {};
    jan.tm_year = jul.tm_year = cur.tm_year;
    jan.tm_mday = jul.tm_mday = 1;
    jul.tm_mon = 6;
    jan.tm_isdst = jul.tm_isdst = -1;
    time_t tj = ::mktime(&jan), tu = ::mktime(&jul);
    localtime_r(&tj, &jan);
    localtime_r(&tu, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    std::string janname = jan.tm_zone ? jan.tm_zone : "", julname = jul.tm_zone ? jul.tm_zone : "";
    if (janoff < juloff) { // southern hemisphere: DST in January
        std::swap(janoff, juloff);
        std::swap(janname, julname);
    }
    d->set_str("timezone", int_from_i64(janoff));
    d->set_str("altzone", int_from_i64(juloff));
    d->set_str("daylight", Value::small(janoff != juloff));
    d->set_str("tzname", Value(Tuple::create({ Value(Str::create(janname)), Value(Str::create(julname)) })));
}

Module* create_time_module()
{
    Module* m = Module::create("time");
    using stdmod::def;
    def(m, "time", time_time);
    def(m, "time_ns", time_time_ns);
    def(m, "monotonic", time_monotonic);
    def(m, "monotonic_ns", time_monotonic_ns);
    def(m, "perf_counter", time_perf_counter);
    def(m, "perf_counter_ns", time_perf_counter_ns);
    def(m, "process_time", time_process_time);
    def(m, "process_time_ns", time_process_time_ns);
    def(m, "thread_time", time_thread_time);
    def(m, "thread_time_ns", time_thread_time_ns);
    def(m, "sleep", time_sleep);
    def(m, "localtime", time_localtime);
    def(m, "gmtime", time_gmtime);
    def(m, "mktime", time_mktime);
    def(m, "strftime", time_strftime);
    def(m, "asctime", time_asctime);
    def(m, "ctime", time_ctime);
    Dict* d = m->dict();
    d->set_str("CLOCK_REALTIME", Value::small(CLOCK_REALTIME));
    d->set_str("CLOCK_MONOTONIC", Value::small(CLOCK_MONOTONIC));
    d->set_str("CLOCK_PROCESS_CPUTIME_ID", Value::small(CLOCK_PROCESS_CPUTIME_ID));
    d->set_str("CLOCK_THREAD_CPUTIME_ID", Value::small(CLOCK_THREAD_CPUTIME_ID));
    set_timezone_attrs(d);
    if (stdmod::run_prelude(m, k_time_prelude).is_error())
        return nullptr; // FIXME: how does a NativeModuleInit report failure? See report.
    g_struct_time = d->get_str("struct_time");
    stdmod::root(&g_struct_time);
    return m;
}

} // namespace adder
