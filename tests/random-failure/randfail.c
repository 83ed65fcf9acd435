/* randfail.so: an LD_PRELOAD shim that makes the OS random source fail.
 *
 * While the file named by AGORATOKEN_RANDFAIL_FILE exists, getrandom() and
 * getentropy() fail with EIO, as under a seccomp profile or sandbox that
 * refuses them; otherwise they are the C library's. A check program starts
 * with the file absent (so the language runtime starts normally), creates it,
 * mints (expecting that language's `random` error and a live process),
 * removes it and mints again (expecting a token). One shim for every binding:
 * `make test-<binding>` builds it and runs tests/random-failure/check.* or the
 * binding's own check under it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static int armed(void) {
    const char *path = getenv("AGORATOKEN_RANDFAIL_FILE");
    return path != NULL && access(path, F_OK) == 0;
}

ssize_t getrandom(void *buf, size_t len, unsigned int flags) {
    static ssize_t (*real)(void *, size_t, unsigned int);
    if (armed()) {
        errno = EIO;
        return -1;
    }
    if (real == NULL) {
        real = (ssize_t (*)(void *, size_t, unsigned int))dlsym(RTLD_NEXT, "getrandom");
    }
    if (real == NULL) {
        errno = ENOSYS;
        return -1;
    }
    return real(buf, len, flags);
}

int getentropy(void *buf, size_t len) {
    static int (*real)(void *, size_t);
    if (armed()) {
        errno = EIO;
        return -1;
    }
    if (real == NULL) {
        real = (int (*)(void *, size_t))dlsym(RTLD_NEXT, "getentropy");
    }
    if (real == NULL) {
        errno = ENOSYS;
        return -1;
    }
    return real(buf, len);
}
