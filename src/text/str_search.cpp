// str searching, splitting, stripping, replacing and joining (CPython's
// Objects/stringlib/{find,count,split,partition}.h semantics). Searches run on
// bytes: UTF-8 is self-synchronizing, so a byte match of a whole str is always
// a code-point-aligned match; only the result is converted to a code-point index.
#include <algorithm>

#include "text/str_algo.h"
#include "text/unicode_db.h"

namespace adder::text {

namespace {

// Python's whitespace below 128: \t \n \v \f \r, \x1c-\x1f and space.
inline bool is_ascii_space_cp(char32_t c) { return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20); }

inline bool is_space_cp(char32_t c) { return c < 128 ? is_ascii_space_cp(c) : has_flag(c, flag_space); }

int64_t cp_index_of(const StrView& s, size_t byte_pos)
{
    return s.ascii ? static_cast<int64_t>(byte_pos) : static_cast<int64_t>(cp_length(s.bytes.substr(0, byte_pos)));
}

} // namespace

void adjust_indices(int64_t& start, int64_t& end, int64_t length)
{
    if (end > length) {
        end = length;
    } else if (end < 0) {
        end += length;
        if (end < 0)
            end = 0;
    }
    if (start < 0) {
        start += length;
        if (start < 0)
            start = 0;
    }
}

int64_t str_find(const StrView& s, const StrView& sub, int64_t start, int64_t end)
{
    adjust_indices(start, end, s.length);
    if (end - start < sub.length)
        return -1;
    if (sub.length == 0)
        return start;
    size_t b0 = s.offset(start);
    size_t b1 = s.offset(end);
    size_t pos = s.bytes.substr(b0, b1 - b0).find(sub.bytes);
    if (pos == std::string_view::npos)
        return -1;
    return cp_index_of(s, b0 + pos);
}

int64_t str_rfind(const StrView& s, const StrView& sub, int64_t start, int64_t end)
{
    adjust_indices(start, end, s.length);
    if (end - start < sub.length)
        return -1;
    if (sub.length == 0)
        return end;
    size_t b0 = s.offset(start);
    size_t b1 = s.offset(end);
    size_t pos = s.bytes.substr(b0, b1 - b0).rfind(sub.bytes);
    if (pos == std::string_view::npos)
        return -1;
    return cp_index_of(s, b0 + pos);
}

int64_t str_count(const StrView& s, const StrView& sub, int64_t start, int64_t end)
{
    adjust_indices(start, end, s.length);
    if (end - start < sub.length)
        return 0;
    if (sub.length == 0)
        return end - start + 1;
    size_t b0 = s.offset(start);
    size_t b1 = s.offset(end);
    std::string_view window = s.bytes.substr(b0, b1 - b0);
    int64_t count = 0;
    size_t pos = 0;
    if (sub.bytes.size() == 1) {
        char c = sub.bytes[0];
        return static_cast<int64_t>(std::count(window.begin(), window.end(), c));
    }
    while ((pos = window.find(sub.bytes, pos)) != std::string_view::npos) {
        ++count;
        pos += sub.bytes.size();
    }
    return count;
}

bool str_startswith(const StrView& s, const StrView& prefix, int64_t start, int64_t end)
{
    adjust_indices(start, end, s.length);
    if (end - start < prefix.length)
        return false;
    if (prefix.length == 0)
        return true;
    size_t b0 = s.offset(start);
    return s.bytes.substr(b0).starts_with(prefix.bytes);
}

bool str_endswith(const StrView& s, const StrView& suffix, int64_t start, int64_t end)
{
    adjust_indices(start, end, s.length);
    if (end - start < suffix.length)
        return false;
    if (suffix.length == 0)
        return true;
    size_t b1 = s.offset(end);
    return s.bytes.substr(0, b1).ends_with(suffix.bytes);
}

std::vector<std::string_view> str_split_whitespace(std::string_view s, int64_t maxsplit)
{
    std::vector<std::string_view> out;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    size_t n = s.size();
    size_t i = 0;
    auto space_at = [&](size_t pos, size_t& next) {
        unsigned char b = static_cast<unsigned char>(s[pos]);
        if (b < 0x80) { // ASCII byte: no decoding, no table lookup
            next = pos + 1;
            return is_ascii_space_cp(b);
        }
        next = pos;
        char32_t c = decode_at(s, next);
        return is_space_cp(c);
    };
    size_t next;
    while (maxcount-- > 0) {
        while (i < n && space_at(i, next))
            i = next;
        if (i == n)
            break;
        size_t j = i;
        while (i < n && !space_at(i, next))
            i = next;
        out.push_back(s.substr(j, i - j));
    }
    if (i < n) {
        while (i < n && space_at(i, next))
            i = next;
        if (i != n)
            out.push_back(s.substr(i));
    }
    return out;
}

std::vector<std::string_view> str_rsplit_whitespace(std::string_view s, int64_t maxsplit)
{
    std::vector<std::string_view> out;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    size_t i = s.size(); // exclusive end of the unscanned prefix
    auto space_before = [&](size_t pos, size_t& prev) {
        prev = pos;
        char32_t c = decode_before(s, prev);
        return is_space_cp(c);
    };
    size_t prev;
    while (maxcount-- > 0) {
        while (i > 0 && space_before(i, prev))
            i = prev;
        if (i == 0)
            break;
        size_t j = i;
        while (i > 0 && !space_before(i, prev))
            i = prev;
        out.push_back(s.substr(i, j - i));
    }
    if (i > 0) {
        while (i > 0 && space_before(i, prev))
            i = prev;
        if (i != 0)
            out.push_back(s.substr(0, i));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::string_view> str_split(std::string_view s, std::string_view sep, int64_t maxsplit)
{
    std::vector<std::string_view> out;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    size_t i = 0;
    while (maxcount-- > 0) {
        size_t pos = s.find(sep, i);
        if (pos == std::string_view::npos)
            break;
        out.push_back(s.substr(i, pos - i));
        i = pos + sep.size();
    }
    out.push_back(s.substr(i));
    return out;
}

std::vector<std::string_view> str_rsplit(std::string_view s, std::string_view sep, int64_t maxsplit)
{
    std::vector<std::string_view> out;
    int64_t maxcount = maxsplit < 0 ? INT64_MAX : maxsplit;
    size_t j = s.size(); // exclusive end of the unscanned prefix
    while (maxcount-- > 0 && j >= sep.size()) {
        size_t pos = s.substr(0, j).rfind(sep);
        if (pos == std::string_view::npos)
            break;
        out.push_back(s.substr(pos + sep.size(), j - pos - sep.size()));
        j = pos;
    }
    out.push_back(s.substr(0, j));
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::string_view> str_splitlines(std::string_view s, bool keepends)
{
    std::vector<std::string_view> out;
    size_t n = s.size();
    size_t i = 0;
    size_t j = 0;
    while (i < n) {
        size_t eol;
        size_t next = i;
        while (i < n) {
            next = i;
            char32_t c = decode_at(s, next);
            bool brk = c < 128 ? (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e))
                               : has_flag(c, flag_line_break);
            if (brk)
                break;
            i = next;
        }
        eol = i;
        if (i < n) {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                i += 2;
            else
                i = next;
            if (keepends)
                eol = i;
        }
        out.push_back(s.substr(j, eol - j));
        j = i;
    }
    return out;
}

Partition str_partition(std::string_view s, std::string_view sep)
{
    size_t pos = s.find(sep);
    if (pos == std::string_view::npos)
        return { s, {}, {}, false };
    return { s.substr(0, pos), s.substr(pos, sep.size()), s.substr(pos + sep.size()), true };
}

Partition str_rpartition(std::string_view s, std::string_view sep)
{
    size_t pos = s.rfind(sep);
    if (pos == std::string_view::npos)
        return { {}, {}, s, false };
    return { s.substr(0, pos), s.substr(pos, sep.size()), s.substr(pos + sep.size()), true };
}

std::string str_join(std::string_view sep, const std::vector<std::string_view>& parts)
{
    if (parts.empty())
        return {};
    size_t total = sep.size() * (parts.size() - 1);
    for (auto p : parts)
        total += p.size();
    std::string out;
    out.reserve(total);
    for (size_t k = 0; k < parts.size(); ++k) {
        if (k)
            out += sep;
        out += parts[k];
    }
    return out;
}

std::string_view str_strip(std::string_view s, StripSide side, std::optional<std::string_view> chars)
{
    // Membership test: a bitmap for ASCII code points, a list for the rest.
    uint64_t ascii_set[2] = { 0, 0 };
    std::vector<char32_t> others;
    if (chars) {
        for (size_t k = 0; k < chars->size();) {
            char32_t c = decode_at(*chars, k);
            if (c < 128)
                ascii_set[c >> 6] |= uint64_t(1) << (c & 63);
            else
                others.push_back(c);
        }
    }
    auto strip_it = [&](char32_t c) {
        if (!chars)
            return is_space_cp(c);
        if (c < 128)
            return ((ascii_set[c >> 6] >> (c & 63)) & 1) != 0;
        return std::find(others.begin(), others.end(), c) != others.end();
    };
    size_t i = 0;
    size_t j = s.size();
    if (side != StripSide::Right) {
        while (i < j) {
            size_t next = i;
            if (!strip_it(decode_at(s, next)))
                break;
            i = next;
        }
    }
    if (side != StripSide::Left) {
        while (j > i) {
            size_t prev = j;
            if (!strip_it(decode_before(s, prev)))
                break;
            j = prev;
        }
    }
    return s.substr(i, j - i);
}

std::string str_replace(const StrView& s, const StrView& old, std::string_view replacement, int64_t count)
{
    int64_t limit = count < 0 ? INT64_MAX : count;
    std::string out;
    if (limit == 0)
        return std::string(s.bytes);
    if (old.length == 0) {
        // Insert before each code point and at the end, `limit` times in all.
        out.reserve(s.bytes.size() + replacement.size() * static_cast<size_t>(std::min<int64_t>(limit, s.length + 1)));
        size_t i = 0;
        int64_t done = 0;
        while (i < s.bytes.size()) {
            if (done < limit) {
                out += replacement;
                ++done;
            }
            size_t next = i + 1; // ASCII views (and bytes) step one byte: never decode bytes as UTF-8
            if (!s.ascii) {
                next = i;
                decode_at(s.bytes, next);
            }
            out.append(s.bytes.data() + i, next - i);
            i = next;
        }
        if (done < limit)
            out += replacement;
        return out;
    }
    size_t i = 0;
    int64_t done = 0;
    while (done < limit) {
        size_t pos = s.bytes.find(old.bytes, i);
        if (pos == std::string_view::npos)
            break;
        if (out.empty())
            out.reserve(s.bytes.size());
        out.append(s.bytes.data() + i, pos - i);
        out += replacement;
        i = pos + old.bytes.size();
        ++done;
    }
    out.append(s.bytes.data() + i, s.bytes.size() - i);
    return out;
}

} // namespace adder::text
