#ifndef WL_CSODIUM_H
#define WL_CSODIUM_H
/* libsodium, loaded at run time with dlopen (libsodium.so.23, then
   libsodium.so), so that building Wardline needs no libsodium headers and
   no link-time library: only the runtime package (Debian: libsodium23).
   Declared here under our own names, only what Wardline uses; the
   signatures follow libsodium's documented C API. */
#include <stddef.h>

/* Loads libsodium, resolves every function below and runs sodium_init(),
   once per process (thread-safe). Returns 0 when ready, -1 otherwise. */
int wl_sodium_load(void);

/* NULL when libsodium is ready; otherwise one line naming what is missing
   and the Debian package that provides it. Calls wl_sodium_load(). */
const char *wl_sodium_error(void);

/* libsodium's own getters for its recommended constants
   (crypto_pwhash_opslimit_interactive() and so on). 0 when not loaded. */
size_t wl_sodium_pwhash_opslimit_interactive(void);
size_t wl_sodium_pwhash_memlimit_interactive(void);
size_t wl_sodium_pwhash_strbytes(void);
size_t wl_sodium_pwhash_passwd_max(void);
int wl_sodium_pwhash_alg_argon2id13(void);
size_t wl_sodium_hash_sha256_bytes(void);

/* crypto_hash_sha256: out must hold wl_sodium_hash_sha256_bytes() bytes.
   Returns 0 on success, -1 (and writes nothing) when not loaded. */
int wl_sodium_hash_sha256(unsigned char *out, const unsigned char *in, unsigned long long inlen);

/* crypto_auth_hmacsha256: out holds 32 bytes, key is 32 bytes.
   Returns 0 on success, -1 (and writes nothing) when not loaded. */
int wl_sodium_hmacsha256(unsigned char *out, const unsigned char *in, unsigned long long inlen,
                         const unsigned char *key);

/* crypto_pwhash_str_alg: out must hold wl_sodium_pwhash_strbytes() bytes.
   Returns 0 on success, -1 on failure or when not loaded. */
int wl_sodium_pwhash_str_alg(char *out, const char *passwd, unsigned long long passwdlen,
                             unsigned long long opslimit, size_t memlimit, int alg);

/* crypto_pwhash_str_verify: 0 when passwd matches str, -1 otherwise or when not loaded.
   str must be NUL-terminated within wl_sodium_pwhash_strbytes() bytes. */
int wl_sodium_pwhash_str_verify(const char *str, const char *passwd, unsigned long long passwdlen);

/* crypto_pwhash_str_needs_rehash: 0 when str already uses these limits,
   1 when it should be rehashed, -1 when str is invalid or not loaded. */
int wl_sodium_pwhash_str_needs_rehash(const char *str, unsigned long long opslimit, size_t memlimit);

#endif
