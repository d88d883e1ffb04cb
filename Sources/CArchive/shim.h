#ifndef ASSAY_CARCHIVE_SHIM_H
#define ASSAY_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <zlib.h>

/* The AE_IF* file-type macros carry a cast that Swift does not import. */
static inline unsigned int assay_ae_ifreg(void) { return (unsigned int)AE_IFREG; }
static inline unsigned int assay_ae_ifdir(void) { return (unsigned int)AE_IFDIR; }
static inline unsigned int assay_ae_iflnk(void) { return (unsigned int)AE_IFLNK; }

/* archive_set_error is variadic, which Swift cannot call. */
static inline void assay_archive_set_error(struct archive *a, const char *message) {
    archive_set_error(a, -1, "%s", message);
}

/* inflateInit2 is a macro; 15 + 16 accepts only the gzip wrapper, whose CRC-32 and length zlib then checks. */
static inline int assay_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

/* CRC-32 (gzip's) of len bytes after crc, as zlib's crc32_z computes it; with PCLMULQDQ folding where the CPU has
   it (about five times zlib's table-driven speed), so checking a .tar.gz costs little beside inflating it. The
   folding is Intel's "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ" (constants for the reflected
   polynomial 0xEDB88320), as zlib-ng and Chromium's zlib use it; the tail shorter than 16 bytes goes to zlib. */
#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("pclmul,sse4.1")))
static inline uint32_t assay_crc32_fold(const unsigned char *buf, size_t len, uint32_t crc) {
    /* len >= 64 and a multiple of 16; crc is the inverted running value. */
    const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
    const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
    const __m128i k5k0 = _mm_set_epi64x(0, 0x0163cd6124);
    const __m128i poly = _mm_set_epi64x(0x01f7011641, 0x01db710641);
    const __m128i mask = _mm_setr_epi32(~0, 0, ~0, 0);
    __m128i x1 = _mm_loadu_si128((const __m128i *)(buf + 0x00));
    __m128i x2 = _mm_loadu_si128((const __m128i *)(buf + 0x10));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(buf + 0x20));
    __m128i x4 = _mm_loadu_si128((const __m128i *)(buf + 0x30));
    x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128((int)crc));
    buf += 64;
    len -= 64;
    while (len >= 64) {
        __m128i x5 = _mm_clmulepi64_si128(x1, k1k2, 0x00);
        __m128i x6 = _mm_clmulepi64_si128(x2, k1k2, 0x00);
        __m128i x7 = _mm_clmulepi64_si128(x3, k1k2, 0x00);
        __m128i x8 = _mm_clmulepi64_si128(x4, k1k2, 0x00);
        x1 = _mm_clmulepi64_si128(x1, k1k2, 0x11);
        x2 = _mm_clmulepi64_si128(x2, k1k2, 0x11);
        x3 = _mm_clmulepi64_si128(x3, k1k2, 0x11);
        x4 = _mm_clmulepi64_si128(x4, k1k2, 0x11);
        x1 = _mm_xor_si128(_mm_xor_si128(x1, x5), _mm_loadu_si128((const __m128i *)(buf + 0x00)));
        x2 = _mm_xor_si128(_mm_xor_si128(x2, x6), _mm_loadu_si128((const __m128i *)(buf + 0x10)));
        x3 = _mm_xor_si128(_mm_xor_si128(x3, x7), _mm_loadu_si128((const __m128i *)(buf + 0x20)));
        x4 = _mm_xor_si128(_mm_xor_si128(x4, x8), _mm_loadu_si128((const __m128i *)(buf + 0x30)));
        buf += 64;
        len -= 64;
    }
    /* Fold four lanes into one, then the remaining 16-byte blocks. */
    __m128i x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
    x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x11), x2), x5);
    x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
    x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x11), x3), x5);
    x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
    x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x11), x4), x5);
    while (len >= 16) {
        x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
        x1 = _mm_clmulepi64_si128(x1, k3k4, 0x11);
        x1 = _mm_xor_si128(_mm_xor_si128(x1, _mm_loadu_si128((const __m128i *)buf)), x5);
        buf += 16;
        len -= 16;
    }
    /* 128 bits to 64, then Barrett reduction to 32. */
    x2 = _mm_clmulepi64_si128(x1, k3k4, 0x10);
    x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), x2);
    x2 = _mm_srli_si128(x1, 4);
    x1 = _mm_and_si128(x1, mask);
    x1 = _mm_xor_si128(_mm_clmulepi64_si128(x1, k5k0, 0x00), x2);
    x2 = _mm_and_si128(x1, mask);
    x2 = _mm_clmulepi64_si128(x2, poly, 0x10);
    x2 = _mm_and_si128(x2, mask);
    x2 = _mm_clmulepi64_si128(x2, poly, 0x00);
    x1 = _mm_xor_si128(x1, x2);
    return (uint32_t)_mm_extract_epi32(x1, 1);
}
#endif

static inline unsigned long assay_crc32(unsigned long crc, const unsigned char *buf, size_t len) {
#if defined(__x86_64__)
    static int usable = -1;
    if (usable < 0) usable = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
    if (usable && len >= 64) {
        size_t folded = len & ~(size_t)15;
        crc = ~assay_crc32_fold(buf, folded, ~(uint32_t)crc) & 0xffffffffUL;
        buf += folded;
        len -= folded;
    }
#endif
    return crc32_z(crc, buf, len);
}

/* Switches the calling thread to the plain C locale, whatever the process's locale: libarchive then converts no
   name (a conversion from UTF-8 would turn NFD names into NFC and merge two files), and a pax or zip name it
   cannot convert to ASCII comes back as its stored bytes (tar) or none (zip, whose local header then gives them).
   Returns the previous locale for assay_restore_locale, or 0 when the C locale is unavailable. */
static inline locale_t assay_use_c_locale(void) {
    locale_t plain = newlocale(LC_CTYPE_MASK, "C", (locale_t)0);
    if (plain == (locale_t)0) return (locale_t)0;
    return uselocale(plain);
}

static inline void assay_restore_locale(locale_t previous) {
    if (previous == (locale_t)0) return;
    locale_t current = uselocale(previous);
    if (current != LC_GLOBAL_LOCALE) freelocale(current);
}

#endif
