/* Run-time binding to libsodium: dlopen once, dlsym every function once.
   See include/CSodium.h. */
#include "CSodium.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define WL_SODIUM_PACKAGE "libsodium23"

static struct {
    int (*init)(void);
    size_t (*opslimit_interactive)(void);
    size_t (*memlimit_interactive)(void);
    size_t (*strbytes)(void);
    size_t (*passwd_max)(void);
    int (*alg_argon2id13)(void);
    size_t (*sha256_bytes)(void);
    int (*sha256)(unsigned char *, const unsigned char *, unsigned long long);
    int (*hmacsha256)(unsigned char *, const unsigned char *, unsigned long long, const unsigned char *);
    int (*str_alg)(char *, const char *, unsigned long long, unsigned long long, size_t, int);
    int (*str_verify)(const char *, const char *, unsigned long long);
    int (*str_needs_rehash)(const char *, unsigned long long, size_t);
} fn;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready;          /* 1 after a complete load and a successful sodium_init() */
static char problem[512];  /* the one-line reason when not ready */

static void load(void) {
    static const char *const names[] = { "libsodium.so.23", "libsodium.so" };
    void *lib = NULL;
    char why[256] = "not found";
    for (size_t i = 0; i < sizeof names / sizeof names[0] && lib == NULL; i++) {
        lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (lib == NULL && i == 0) {
            const char *e = dlerror();  /* the versioned name's reason is the one to report */
            if (e != NULL) snprintf(why, sizeof why, "%s", e);
        }
    }
    if (lib == NULL) {
        snprintf(problem, sizeof problem,
                 "libsodium (libsodium.so.23) could not be loaded: %s; install the Debian package " WL_SODIUM_PACKAGE,
                 why);
        return;
    }
    const struct { const char *name; void **slot; } symbols[] = {
        { "sodium_init", (void **)&fn.init },
        { "crypto_pwhash_opslimit_interactive", (void **)&fn.opslimit_interactive },
        { "crypto_pwhash_memlimit_interactive", (void **)&fn.memlimit_interactive },
        { "crypto_pwhash_strbytes", (void **)&fn.strbytes },
        { "crypto_pwhash_passwd_max", (void **)&fn.passwd_max },
        { "crypto_pwhash_alg_argon2id13", (void **)&fn.alg_argon2id13 },
        { "crypto_hash_sha256_bytes", (void **)&fn.sha256_bytes },
        { "crypto_hash_sha256", (void **)&fn.sha256 },
        { "crypto_auth_hmacsha256", (void **)&fn.hmacsha256 },
        { "crypto_pwhash_str_alg", (void **)&fn.str_alg },
        { "crypto_pwhash_str_verify", (void **)&fn.str_verify },
        { "crypto_pwhash_str_needs_rehash", (void **)&fn.str_needs_rehash },
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(lib, symbols[i].name);
        if (*symbols[i].slot == NULL) {
            snprintf(problem, sizeof problem,
                     "the installed libsodium has no %s (Wardline needs libsodium 1.0.18 or later); "
                     "install the Debian package " WL_SODIUM_PACKAGE, symbols[i].name);
            memset(&fn, 0, sizeof fn);
            return;
        }
    }
    if (fn.init() < 0) {
        snprintf(problem, sizeof problem,
                 "libsodium failed to initialise (sodium_init); reinstall the Debian package " WL_SODIUM_PACKAGE);
        memset(&fn, 0, sizeof fn);
        return;
    }
    ready = 1;
}

int wl_sodium_load(void) {
    pthread_once(&once, load);
    return ready ? 0 : -1;
}

const char *wl_sodium_error(void) {
    return wl_sodium_load() == 0 ? NULL : problem;
}

size_t wl_sodium_pwhash_opslimit_interactive(void) {
    return wl_sodium_load() == 0 ? fn.opslimit_interactive() : 0;
}

size_t wl_sodium_pwhash_memlimit_interactive(void) {
    return wl_sodium_load() == 0 ? fn.memlimit_interactive() : 0;
}

size_t wl_sodium_pwhash_strbytes(void) {
    return wl_sodium_load() == 0 ? fn.strbytes() : 0;
}

size_t wl_sodium_pwhash_passwd_max(void) {
    return wl_sodium_load() == 0 ? fn.passwd_max() : 0;
}

int wl_sodium_pwhash_alg_argon2id13(void) {
    return wl_sodium_load() == 0 ? fn.alg_argon2id13() : 0;
}

size_t wl_sodium_hash_sha256_bytes(void) {
    return wl_sodium_load() == 0 ? fn.sha256_bytes() : 0;
}

int wl_sodium_hash_sha256(unsigned char *out, const unsigned char *in, unsigned long long inlen) {
    if (wl_sodium_load() != 0) return -1;
    return fn.sha256(out, in, inlen);
}

int wl_sodium_hmacsha256(unsigned char *out, const unsigned char *in, unsigned long long inlen,
                         const unsigned char *key) {
    if (wl_sodium_load() != 0) return -1;
    return fn.hmacsha256(out, in, inlen, key);
}

int wl_sodium_pwhash_str_alg(char *out, const char *passwd, unsigned long long passwdlen,
                             unsigned long long opslimit, size_t memlimit, int alg) {
    if (wl_sodium_load() != 0) return -1;
    return fn.str_alg(out, passwd, passwdlen, opslimit, memlimit, alg);
}

int wl_sodium_pwhash_str_verify(const char *str, const char *passwd, unsigned long long passwdlen) {
    if (wl_sodium_load() != 0) return -1;
    return fn.str_verify(str, passwd, passwdlen);
}

int wl_sodium_pwhash_str_needs_rehash(const char *str, unsigned long long opslimit, size_t memlimit) {
    if (wl_sodium_load() != 0) return -1;
    return fn.str_needs_rehash(str, opslimit, memlimit);
}
