// runtime/bigint.hpp — arbitrary-precision integers with Python int semantics (standard library only).
#pragma once

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace chaipy {

// Sign + magnitude in 64-bit limbs, least significant first, always normalised: no leading zero
// limbs, and zero has no limbs and is never negative. Values up to 128 bits live inline, so the
// overflow-from-int64 cases the interpreter meets most (products, 2**100) never allocate.
class BigInt {
public:
    using Limb = uint64_t;

    BigInt() noexcept : size_(0), capacity_(kInlineLimbs), negative_(false) {}

    template <std::integral T>
    BigInt(T value) noexcept : size_(0), capacity_(kInlineLimbs), negative_(false) {
        if constexpr (std::is_signed_v<T>) {
            const auto wide = static_cast<int64_t>(value);
            const uint64_t magnitude = wide < 0 ? 0 - static_cast<uint64_t>(wide) : static_cast<uint64_t>(wide);
            set_small(magnitude, wide < 0);
        } else {
            set_small(static_cast<uint64_t>(value), false);
        }
    }

    BigInt(const BigInt& other);
    BigInt(BigInt&& other) noexcept;
    BigInt& operator=(const BigInt& other);
    BigInt& operator=(BigInt&& other) noexcept;
    ~BigInt() {
        if (on_heap()) delete[] heap_;
    }

    // Truncates toward zero, like int(float); nullopt for inf and nan.
    static std::optional<BigInt> from_double(double value);
    // Correctly rounded (half to even) like int.__float__; overflow is set when |value| >= 2**1024.
    double to_double(bool& overflow) const;

    bool fits_int64() const noexcept;
    int64_t to_int64() const noexcept;  // precondition: fits_int64()

    // Python's int(text, base): base 0 or 2..36, surrounding ASCII whitespace, sign, prefixes,
    // underscores between digits. nullopt when int() would raise ValueError. Callers translate
    // non-ASCII digits and spaces to ASCII first, as CPython does.
    static std::optional<BigInt> parse(std::string_view text, int base);
    // Digits in base 2..36, lowercase, no prefix, '-' for negatives.
    std::string to_string(int base = 10) const;
    void append_string(std::string& out, int base = 10) const;

    bool is_zero() const noexcept { return size_ == 0; }
    int sign() const noexcept { return size_ == 0 ? 0 : (negative_ ? -1 : 1); }
    bool is_negative() const noexcept { return negative_; }
    bool is_odd() const noexcept { return size_ != 0 && (limbs()[0] & 1) != 0; }
    uint64_t bit_length() const noexcept;  // of the magnitude, as int.bit_length()
    uint64_t bit_count() const noexcept;   // ones in the magnitude, as int.bit_count()

    BigInt operator-() const;
    BigInt abs() const;

    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    BigInt& operator+=(const BigInt& other) { return *this = *this + other; }
    BigInt& operator-=(const BigInt& other) { return *this = *this - other; }
    BigInt& operator*=(const BigInt& other) { return *this = *this * other; }

    // Floor division and modulo as Python's // and %: the remainder takes the divisor's sign.
    // Precondition: divisor is not zero. q and r may alias the operands.
    static void divmod(const BigInt& dividend, const BigInt& divisor, BigInt& quotient, BigInt& remainder);
    static BigInt floordiv(const BigInt& dividend, const BigInt& divisor);
    static BigInt mod(const BigInt& dividend, const BigInt& divisor);

    // Callers bound the result size first (CPython raises MemoryError/OverflowError); results
    // beyond 2**38 bits throw std::bad_alloc.
    static BigInt pow(const BigInt& base, uint64_t exponent);
    // Python's pow(base, exponent, modulus); precondition: modulus is not zero. A negative exponent
    // uses the modular inverse; nullopt when base has none ("base is not invertible ...").
    static std::optional<BigInt> powmod(const BigInt& base, const BigInt& exponent, const BigInt& modulus);
    static BigInt gcd(const BigInt& a, const BigInt& b);  // non-negative, as math.gcd

    // Correctly rounded a / b as int.__truediv__; precondition: b is not zero. overflow is set when
    // the quotient is too large for a double ("integer division result too large for a double").
    static double true_divide(const BigInt& a, const BigInt& b, bool& overflow);

    // Bitwise operations see negatives as infinite two's complement, as Python does.
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    BigInt operator~() const;
    BigInt operator<<(uint64_t shift) const;
    BigInt operator>>(uint64_t shift) const;  // arithmetic: rounds toward negative infinity

    // CPython's hash(int): the value modulo 2**61 - 1 with the value's sign; -1 becomes -2.
    int64_t hash() const noexcept;

    // int.to_bytes / int.from_bytes. overflow is set when the value needs more than `length`
    // bytes, or is negative with is_signed false (callers tell the two apart by the sign).
    std::vector<uint8_t> to_bytes(size_t length, bool little_endian, bool is_signed, bool& overflow) const;
    static BigInt from_bytes(const uint8_t* data, size_t length, bool little_endian, bool is_signed);

    friend bool operator==(const BigInt& a, const BigInt& b) noexcept;
    friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) noexcept;
    // Signed integers compare without conversion; unsigned ones go through BigInt, so a value
    // above INT64_MAX never wraps.
    template <std::signed_integral T>
    friend bool operator==(const BigInt& a, T b) noexcept {
        return a.compare_int64(b) == 0;
    }
    template <std::signed_integral T>
    friend std::strong_ordering operator<=>(const BigInt& a, T b) noexcept {
        return a.compare_int64(b);
    }

private:
    static constexpr uint32_t kInlineLimbs = 2;

    bool on_heap() const noexcept { return capacity_ > kInlineLimbs; }
    const Limb* limbs() const noexcept { return on_heap() ? heap_ : inline_; }
    Limb* limbs() noexcept { return on_heap() ? heap_ : inline_; }
    size_t size() const noexcept { return size_; }

    void set_small(uint64_t magnitude, bool negative) noexcept {
        inline_[0] = magnitude;
        size_ = magnitude != 0;
        negative_ = negative && magnitude != 0;
    }
    // Makes room for `count` limbs (contents unspecified) and sets the size to `count`.
    Limb* resize_uninitialized(size_t count);
    // Drops leading zero limbs and clears the sign of zero.
    void normalize() noexcept;
    void assign_magnitude(const Limb* source, size_t count, bool negative);
    std::strong_ordering compare_int64(int64_t other) const noexcept;

    friend struct BigIntAccess;

    uint32_t size_;
    uint32_t capacity_;
    bool negative_;
    union {
        Limb inline_[kInlineLimbs] = {0, 0};
        Limb* heap_;
    };
};

// Python semantics for the interpreter's int64 fast paths. Each returns false when the exact
// result does not fit in int64 (the caller then redoes the operation with BigInt).
inline bool floordiv_i64(int64_t a, int64_t b, int64_t& out) noexcept {  // precondition: b != 0
    if (b == -1) {
        if (a == INT64_MIN) return false;
        out = -a;
        return true;
    }
    int64_t quotient = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --quotient;
    out = quotient;
    return true;
}

inline int64_t mod_i64(int64_t a, int64_t b) noexcept {  // precondition: b != 0; never overflows
    if (b == -1) return 0;
    int64_t remainder = a % b;
    if (remainder != 0 && ((remainder < 0) != (b < 0))) remainder += b;
    return remainder;
}

inline bool pow_i64(int64_t base, uint64_t exponent, int64_t& out) noexcept {
    int64_t result = 1;
    while (true) {
        if (exponent & 1) {
            if (__builtin_mul_overflow(result, base, &result)) return false;
        }
        exponent >>= 1;
        if (exponent == 0) break;
        if (__builtin_mul_overflow(base, base, &base)) return false;
    }
    out = result;
    return true;
}

inline bool lshift_i64(int64_t value, uint64_t shift, int64_t& out) noexcept {
    if (value == 0) {
        out = 0;
        return true;
    }
    if (shift >= 64) return false;
    const int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(value) << shift);
    if ((shifted >> shift) != value) return false;
    out = shifted;
    return true;
}

inline int64_t rshift_i64(int64_t value, uint64_t shift) noexcept {
    return shift >= 63 ? (value < 0 ? -1 : 0) : (value >> shift);
}

// CPython's hash() of an int that fits in int64.
inline int64_t hash_i64(int64_t value) noexcept {
    constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    uint64_t reduced = (magnitude & kModulus) + (magnitude >> 61);
    if (reduced >= kModulus) reduced -= kModulus;
    int64_t result = value < 0 ? -static_cast<int64_t>(reduced) : static_cast<int64_t>(reduced);
    return result == -1 ? -2 : result;
}

// int / int for int64 operands, correctly rounded; precondition: b != 0. Never overflows.
double true_divide_i64(int64_t a, int64_t b) noexcept;

// Exact comparison of an int with a float, as CPython's float_richcompare (10**20 == 1e20 is
// true, 2**53 + 1 > 2.0**53 is true); unordered against nan.
std::partial_ordering compare_int_double(const BigInt& value, double other);

// CPython's hash() of a float: equals the int hash for integral values (hash(2.0**70) ==
// hash(2**70)), 314159 / -314159 for infinities. A nan gives 0, but CPython 3.10+ hashes a nan
// by object identity, so callers handle nan themselves.
int64_t hash_double(double value) noexcept;

}  // namespace chaipy
