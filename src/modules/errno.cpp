// The errno module: the E* constants of the platform and the errorcode
// mapping (value -> first name), as Modules/errnomodule.c.
#include <cerrno>

#include "modules/stdlib_modules.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"

namespace adder {

Module* create_errno_module()
{
    Module* m = Module::create("errno");
    Dict* codes = Dict::create();
    auto add = [&](const char* name, int value) {
        m->dict()->set_str(name, Value::small(value));
        // errorcode maps each value to the name CPython lists first (aliases lose).
        if (!MUST(codes->get(Value::small(value))))
            MUST(codes->set(Value::small(value), Value(Str::intern(name))));
    };
#ifdef E2BIG
    add("E2BIG", E2BIG);
#endif
#ifdef EACCES
    add("EACCES", EACCES);
#endif
#ifdef EADDRINUSE
    add("EADDRINUSE", EADDRINUSE);
#endif
#ifdef EADDRNOTAVAIL
    add("EADDRNOTAVAIL", EADDRNOTAVAIL);
#endif
#ifdef EADV
    add("EADV", EADV);
#endif
#ifdef EAFNOSUPPORT
    add("EAFNOSUPPORT", EAFNOSUPPORT);
#endif
#ifdef EAGAIN
    add("EAGAIN", EAGAIN);
#endif
#ifdef EALREADY
    add("EALREADY", EALREADY);
#endif
#ifdef EBADE
    add("EBADE", EBADE);
#endif
#ifdef EBADF
    add("EBADF", EBADF);
#endif
#ifdef EBADFD
    add("EBADFD", EBADFD);
#endif
#ifdef EBADMSG
    add("EBADMSG", EBADMSG);
#endif
#ifdef EBADR
    add("EBADR", EBADR);
#endif
#ifdef EBADRQC
    add("EBADRQC", EBADRQC);
#endif
#ifdef EBADSLT
    add("EBADSLT", EBADSLT);
#endif
#ifdef EBFONT
    add("EBFONT", EBFONT);
#endif
#ifdef EBUSY
    add("EBUSY", EBUSY);
#endif
#ifdef ECANCELED
    add("ECANCELED", ECANCELED);
#endif
#ifdef ECHILD
    add("ECHILD", ECHILD);
#endif
#ifdef ECHRNG
    add("ECHRNG", ECHRNG);
#endif
#ifdef ECOMM
    add("ECOMM", ECOMM);
#endif
#ifdef ECONNABORTED
    add("ECONNABORTED", ECONNABORTED);
#endif
#ifdef ECONNREFUSED
    add("ECONNREFUSED", ECONNREFUSED);
#endif
#ifdef ECONNRESET
    add("ECONNRESET", ECONNRESET);
#endif
#ifdef EDEADLOCK
    add("EDEADLOCK", EDEADLOCK);
#endif
#ifdef EDESTADDRREQ
    add("EDESTADDRREQ", EDESTADDRREQ);
#endif
#ifdef EDOM
    add("EDOM", EDOM);
#endif
#ifdef EDOTDOT
    add("EDOTDOT", EDOTDOT);
#endif
#ifdef EDQUOT
    add("EDQUOT", EDQUOT);
#endif
#ifdef EEXIST
    add("EEXIST", EEXIST);
#endif
#ifdef EFAULT
    add("EFAULT", EFAULT);
#endif
#ifdef EFBIG
    add("EFBIG", EFBIG);
#endif
#ifdef EHOSTDOWN
    add("EHOSTDOWN", EHOSTDOWN);
#endif
#ifdef EHOSTUNREACH
    add("EHOSTUNREACH", EHOSTUNREACH);
#endif
#ifdef EIDRM
    add("EIDRM", EIDRM);
#endif
#ifdef EILSEQ
    add("EILSEQ", EILSEQ);
#endif
#ifdef EINPROGRESS
    add("EINPROGRESS", EINPROGRESS);
#endif
#ifdef EINTR
    add("EINTR", EINTR);
#endif
#ifdef EINVAL
    add("EINVAL", EINVAL);
#endif
#ifdef EIO
    add("EIO", EIO);
#endif
#ifdef EISCONN
    add("EISCONN", EISCONN);
#endif
#ifdef EISDIR
    add("EISDIR", EISDIR);
#endif
#ifdef EISNAM
    add("EISNAM", EISNAM);
#endif
#ifdef EKEYEXPIRED
    add("EKEYEXPIRED", EKEYEXPIRED);
#endif
#ifdef EKEYREJECTED
    add("EKEYREJECTED", EKEYREJECTED);
#endif
#ifdef EKEYREVOKED
    add("EKEYREVOKED", EKEYREVOKED);
#endif
#ifdef EL2HLT
    add("EL2HLT", EL2HLT);
#endif
#ifdef EL2NSYNC
    add("EL2NSYNC", EL2NSYNC);
#endif
#ifdef EL3HLT
    add("EL3HLT", EL3HLT);
#endif
#ifdef EL3RST
    add("EL3RST", EL3RST);
#endif
#ifdef ELIBACC
    add("ELIBACC", ELIBACC);
#endif
#ifdef ELIBBAD
    add("ELIBBAD", ELIBBAD);
#endif
#ifdef ELIBEXEC
    add("ELIBEXEC", ELIBEXEC);
#endif
#ifdef ELIBMAX
    add("ELIBMAX", ELIBMAX);
#endif
#ifdef ELIBSCN
    add("ELIBSCN", ELIBSCN);
#endif
#ifdef ELNRNG
    add("ELNRNG", ELNRNG);
#endif
#ifdef ELOOP
    add("ELOOP", ELOOP);
#endif
#ifdef EMEDIUMTYPE
    add("EMEDIUMTYPE", EMEDIUMTYPE);
#endif
#ifdef EMFILE
    add("EMFILE", EMFILE);
#endif
#ifdef EMLINK
    add("EMLINK", EMLINK);
#endif
#ifdef EMSGSIZE
    add("EMSGSIZE", EMSGSIZE);
#endif
#ifdef EMULTIHOP
    add("EMULTIHOP", EMULTIHOP);
#endif
#ifdef ENAMETOOLONG
    add("ENAMETOOLONG", ENAMETOOLONG);
#endif
#ifdef ENAVAIL
    add("ENAVAIL", ENAVAIL);
#endif
#ifdef ENETDOWN
    add("ENETDOWN", ENETDOWN);
#endif
#ifdef ENETRESET
    add("ENETRESET", ENETRESET);
#endif
#ifdef ENETUNREACH
    add("ENETUNREACH", ENETUNREACH);
#endif
#ifdef ENFILE
    add("ENFILE", ENFILE);
#endif
#ifdef ENOANO
    add("ENOANO", ENOANO);
#endif
#ifdef ENOBUFS
    add("ENOBUFS", ENOBUFS);
#endif
#ifdef ENOCSI
    add("ENOCSI", ENOCSI);
#endif
#ifdef ENODATA
    add("ENODATA", ENODATA);
#endif
#ifdef ENODEV
    add("ENODEV", ENODEV);
#endif
#ifdef ENOENT
    add("ENOENT", ENOENT);
#endif
#ifdef ENOEXEC
    add("ENOEXEC", ENOEXEC);
#endif
#ifdef ENOKEY
    add("ENOKEY", ENOKEY);
#endif
#ifdef ENOLCK
    add("ENOLCK", ENOLCK);
#endif
#ifdef ENOLINK
    add("ENOLINK", ENOLINK);
#endif
#ifdef ENOMEDIUM
    add("ENOMEDIUM", ENOMEDIUM);
#endif
#ifdef ENOMEM
    add("ENOMEM", ENOMEM);
#endif
#ifdef ENOMSG
    add("ENOMSG", ENOMSG);
#endif
#ifdef ENONET
    add("ENONET", ENONET);
#endif
#ifdef ENOPKG
    add("ENOPKG", ENOPKG);
#endif
#ifdef ENOPROTOOPT
    add("ENOPROTOOPT", ENOPROTOOPT);
#endif
#ifdef ENOSPC
    add("ENOSPC", ENOSPC);
#endif
#ifdef ENOSR
    add("ENOSR", ENOSR);
#endif
#ifdef ENOSTR
    add("ENOSTR", ENOSTR);
#endif
#ifdef ENOSYS
    add("ENOSYS", ENOSYS);
#endif
#ifdef ENOTBLK
    add("ENOTBLK", ENOTBLK);
#endif
#ifdef ENOTCONN
    add("ENOTCONN", ENOTCONN);
#endif
#ifdef ENOTDIR
    add("ENOTDIR", ENOTDIR);
#endif
#ifdef ENOTEMPTY
    add("ENOTEMPTY", ENOTEMPTY);
#endif
#ifdef ENOTNAM
    add("ENOTNAM", ENOTNAM);
#endif
#ifdef ENOTRECOVERABLE
    add("ENOTRECOVERABLE", ENOTRECOVERABLE);
#endif
#ifdef ENOTSOCK
    add("ENOTSOCK", ENOTSOCK);
#endif
#ifdef ENOTSUP
    add("ENOTSUP", ENOTSUP);
#endif
#ifdef ENOTTY
    add("ENOTTY", ENOTTY);
#endif
#ifdef ENOTUNIQ
    add("ENOTUNIQ", ENOTUNIQ);
#endif
#ifdef ENXIO
    add("ENXIO", ENXIO);
#endif
#ifdef EOVERFLOW
    add("EOVERFLOW", EOVERFLOW);
#endif
#ifdef EOWNERDEAD
    add("EOWNERDEAD", EOWNERDEAD);
#endif
#ifdef EPERM
    add("EPERM", EPERM);
#endif
#ifdef EPFNOSUPPORT
    add("EPFNOSUPPORT", EPFNOSUPPORT);
#endif
#ifdef EPIPE
    add("EPIPE", EPIPE);
#endif
#ifdef EPROTO
    add("EPROTO", EPROTO);
#endif
#ifdef EPROTONOSUPPORT
    add("EPROTONOSUPPORT", EPROTONOSUPPORT);
#endif
#ifdef EPROTOTYPE
    add("EPROTOTYPE", EPROTOTYPE);
#endif
#ifdef ERANGE
    add("ERANGE", ERANGE);
#endif
#ifdef EREMCHG
    add("EREMCHG", EREMCHG);
#endif
#ifdef EREMOTE
    add("EREMOTE", EREMOTE);
#endif
#ifdef EREMOTEIO
    add("EREMOTEIO", EREMOTEIO);
#endif
#ifdef ERESTART
    add("ERESTART", ERESTART);
#endif
#ifdef ERFKILL
    add("ERFKILL", ERFKILL);
#endif
#ifdef EROFS
    add("EROFS", EROFS);
#endif
#ifdef ESHUTDOWN
    add("ESHUTDOWN", ESHUTDOWN);
#endif
#ifdef ESOCKTNOSUPPORT
    add("ESOCKTNOSUPPORT", ESOCKTNOSUPPORT);
#endif
#ifdef ESPIPE
    add("ESPIPE", ESPIPE);
#endif
#ifdef ESRCH
    add("ESRCH", ESRCH);
#endif
#ifdef ESRMNT
    add("ESRMNT", ESRMNT);
#endif
#ifdef ESTALE
    add("ESTALE", ESTALE);
#endif
#ifdef ESTRPIPE
    add("ESTRPIPE", ESTRPIPE);
#endif
#ifdef ETIME
    add("ETIME", ETIME);
#endif
#ifdef ETIMEDOUT
    add("ETIMEDOUT", ETIMEDOUT);
#endif
#ifdef ETOOMANYREFS
    add("ETOOMANYREFS", ETOOMANYREFS);
#endif
#ifdef ETXTBSY
    add("ETXTBSY", ETXTBSY);
#endif
#ifdef EUCLEAN
    add("EUCLEAN", EUCLEAN);
#endif
#ifdef EUNATCH
    add("EUNATCH", EUNATCH);
#endif
#ifdef EUSERS
    add("EUSERS", EUSERS);
#endif
#ifdef EXDEV
    add("EXDEV", EXDEV);
#endif
#ifdef EXFULL
    add("EXFULL", EXFULL);
#endif
#ifdef EDEADLK
    add("EDEADLK", EDEADLK);
#endif
#ifdef EOPNOTSUPP
    add("EOPNOTSUPP", EOPNOTSUPP);
#endif
#ifdef EWOULDBLOCK
    add("EWOULDBLOCK", EWOULDBLOCK);
#endif
    m->dict()->set_str("errorcode", Value(codes));
    return m;
}

} // namespace adder
