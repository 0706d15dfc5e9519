// Internal to src/text: the UTF-16 and UTF-32 codecs behind text::decode and
// text::encode (utf8.h is the public interface).
#pragma once

#include "text/utf8.h"

namespace adder::text {

// `codec` is one of the Utf16*/Utf32* values.
CodecResult decode_wide(Codec codec, std::string_view bytes, ErrorHandler errors);
CodecResult encode_wide(Codec codec, std::string_view text, ErrorHandler errors);

} // namespace adder::text
