// Internal to src/numeric: runs C-library number formatting/parsing in the
// "C" locale, so a host program (or a future REPL) calling setlocale() can
// never turn Python's '.' into a ','. uselocale() is per-thread and cheap.
#pragma once

#include <clocale>
#include <locale.h>

namespace adder::numeric {

class CLocaleScope {
public:
    CLocaleScope()
    {
        static locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
        m_previous = uselocale(c_locale);
    }
    ~CLocaleScope() { uselocale(m_previous); }
    CLocaleScope(const CLocaleScope&) = delete;
    CLocaleScope& operator=(const CLocaleScope&) = delete;

private:
    locale_t m_previous;
};

} // namespace adder::numeric
