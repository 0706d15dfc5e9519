// Atomic creation of cache files and their directories (spec §5.2-5.3 and
// §14 K8): write to a unique temporary file in the target's directory, then
// rename over the target, so readers see the old file or the complete new
// one, never a partial file. Failures are silent to the program: they are
// returned as values for the caller's `-v` line.
#pragma once

#include "cache/file_system.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace adder::cache {

// Temp files of killed writers older than this are removed by later writes.
inline constexpr int64_t stale_temp_age_ns = int64_t(3600) * 1000000000;

// The result of a file-system step: `err` = 0 on success, else the errno
// value and `path` = the path CPython's "# could not create" line names.
struct WriteResult {
    int err = 0;
    std::string path;

    bool ok() const { return err == 0; }
};

// The temporary name write_atomic() uses for `path`: "PATH.<pid>.<random>.tmp".
std::string temp_path_for(std::string_view path, int pid);

// importlib _write_atomic: writes `data` to `path` through a temporary
// file opened O_EXCL|O_CREAT with `mode` & 0o666 (the umask applies), looping
// on short writes, then renames it over `path`. On any failure the temp file
// is removed and the errno is returned (path = `path`). The first write into
// a directory in this process first removes this tag's temp files older than
// stale_temp_age_ns from it.
WriteResult write_atomic(FileSystem& fs, const std::string& path, std::string_view data, uint32_t mode);

// The directory part of SourceFileLoader.set_data (rule W3): walks up from
// the parent of `path` to the first existing directory and creates the
// missing components top-down with mode 0o777; EEXIST on a component is
// ignored. On another error returns it with path = that component.
WriteResult make_parent_dirs(FileSystem& fs, const std::string& path);

// Removes files in `dir` named like write_atomic() temp files of Adder cache
// files ("*.adder-311*.pyc.<pid>.<random>.tmp") whose mtime is older than
// `max_age_ns` before `now_ns`. Returns the number removed; errors are ignored.
int remove_stale_temp_files(FileSystem& fs, const std::string& dir, int64_t now_ns, int64_t max_age_ns);

} // namespace adder::cache
