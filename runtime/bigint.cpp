// runtime/bigint.cpp — arbitrary-precision integer arithmetic: limb kernels, division, conversions.
#include "runtime/bigint.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <charconv>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <new>
#include <utility>

#include "runtime/no_memory.hpp"

namespace chaipy {

using Limb = BigInt::Limb;
__extension__ using Wide = unsigned __int128;

namespace {

// ---------------------------------------------------------------------------------------------
// Magnitude kernels on raw limb arrays (least significant limb first).
// ---------------------------------------------------------------------------------------------

// Below this many limbs in the smaller operand, schoolbook multiplication beats Karatsuba.
constexpr size_t kKaratsubaThreshold = 40;

// Superlinear loops count their limb steps; about every kLimbStepsPerCheck of them (a
// microsecond) the embedding host's interrupts and instruction budget get a say, one check each.
constexpr size_t kLimbStepsPerCheck = 1024;
thread_local size_t unchecked_limb_steps = 0;

void count_limb_steps(size_t steps) {
    unchecked_limb_steps += steps;
    if (unchecked_limb_steps < kLimbStepsPerCheck) [[likely]] return;
    const size_t checks = unchecked_limb_steps / kLimbStepsPerCheck;
    unchecked_limb_steps %= kLimbStepsPerCheck;
    charge_native_work(checks);
}

size_t normalized_size(const Limb* limbs, size_t count) {
    while (count > 0 && limbs[count - 1] == 0) --count;
    return count;
}

int mag_compare(const Limb* a, size_t an, const Limb* b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

// r[0..an) = a + b for an >= bn; returns the carry out. r may alias a or b.
Limb mag_add(Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn) {
    Limb carry = 0;
    size_t i = 0;
    for (; i < bn; ++i) {
        Limb sum;
        const bool c1 = __builtin_add_overflow(a[i], b[i], &sum);
        const bool c2 = __builtin_add_overflow(sum, carry, &sum);
        r[i] = sum;
        carry = c1 | c2;
    }
    for (; i < an; ++i) {
        const Limb sum = a[i] + carry;
        carry = sum < carry;
        r[i] = sum;
    }
    return carry;
}

// r[0..an) = a - b for a >= b (as numbers, an >= bn); returns the borrow out. r may alias a or b.
Limb mag_sub(Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn) {
    Limb borrow = 0;
    size_t i = 0;
    for (; i < bn; ++i) {
        Limb diff;
        const bool b1 = __builtin_sub_overflow(a[i], b[i], &diff);
        const bool b2 = __builtin_sub_overflow(diff, borrow, &diff);
        r[i] = diff;
        borrow = b1 | b2;
    }
    for (; i < an; ++i) {
        const Limb diff = a[i] - borrow;
        borrow = a[i] < borrow;
        r[i] = diff;
    }
    return borrow;
}

// r[0..n) = a * m; returns the high limb.
Limb mag_mul_1(Limb* r, const Limb* a, size_t n, Limb m) {
    Limb carry = 0;
    for (size_t i = 0; i < n; ++i) {
        const Wide product = static_cast<Wide>(a[i]) * m + carry;
        r[i] = static_cast<Limb>(product);
        carry = static_cast<Limb>(product >> 64);
    }
    return carry;
}

// r[0..n) += a * m; returns the carry out.
Limb mag_addmul_1(Limb* r, const Limb* a, size_t n, Limb m) {
    Limb carry = 0;
    for (size_t i = 0; i < n; ++i) {
        const Wide product = static_cast<Wide>(a[i]) * m + r[i] + carry;
        r[i] = static_cast<Limb>(product);
        carry = static_cast<Limb>(product >> 64);
    }
    return carry;
}

// r[0..n) -= a * m; returns the borrow out.
Limb mag_submul_1(Limb* r, const Limb* a, size_t n, Limb m) {
    Limb borrow = 0;
    for (size_t i = 0; i < n; ++i) {
        const Wide product = static_cast<Wide>(a[i]) * m + borrow;
        const Limb low = static_cast<Limb>(product);
        borrow = static_cast<Limb>(product >> 64) + (r[i] < low);
        r[i] -= low;
    }
    return borrow;
}

// Adds `carry` into r[0..n); returns the carry out.
Limb mag_add_1(Limb* r, size_t n, Limb carry) {
    for (size_t i = 0; i < n && carry != 0; ++i) {
        r[i] += carry;
        carry = r[i] < carry;
    }
    return carry;
}

void mag_mul_schoolbook(Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn) {
    r[an] = mag_mul_1(r, a, an, b[0]);
    for (size_t j = 1; j < bn; ++j) {
        count_limb_steps(an);
        r[an + j] = mag_addmul_1(r + j, a, an, b[j]);
    }
}

// Squares use each cross product once and double it, nearly halving the multiplications.
void mag_sqr_schoolbook(Limb* r, const Limb* a, size_t n) {
    count_limb_steps(n * n / 2);  // n is below kKaratsubaThreshold
    std::fill(r, r + 2 * n, Limb{0});
    for (size_t i = 0; i + 1 < n; ++i) r[n + i] = mag_addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
    Limb top = 0;
    for (size_t i = 0; i < 2 * n; ++i) {
        const Limb next_top = r[i] >> 63;
        r[i] = (r[i] << 1) | top;
        top = next_top;
    }
    Limb carry = 0;
    for (size_t i = 0; i < n; ++i) {
        const Wide square = static_cast<Wide>(a[i]) * a[i];
        Wide sum = static_cast<Wide>(r[2 * i]) + static_cast<Limb>(square) + carry;
        r[2 * i] = static_cast<Limb>(sum);
        sum = static_cast<Wide>(r[2 * i + 1]) + static_cast<Limb>(square >> 64) + static_cast<Limb>(sum >> 64);
        r[2 * i + 1] = static_cast<Limb>(sum);
        carry = static_cast<Limb>(sum >> 64);
    }
}

void mag_mul(Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn);

// Karatsuba for an >= bn > an / 2: split both at h = an / 2 limbs and recombine three products.
void mag_mul_karatsuba(Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn) {
    const bool squaring = a == b && an == bn;
    const size_t h = an / 2;
    const Limb* a_low = a;
    const Limb* a_high = a + h;
    const size_t a_low_n = normalized_size(a, h);
    const size_t a_high_n = an - h;
    const Limb* b_low = b;
    const Limb* b_high = b + h;
    const size_t b_low_n = normalized_size(b, h);
    const size_t b_high_n = bn - h;

    std::fill(r, r + an + bn, Limb{0});
    if (a_low_n != 0 && b_low_n != 0) mag_mul(r, a_low, a_low_n, b_low, b_low_n);
    mag_mul(r + 2 * h, a_high, a_high_n, b_high, b_high_n);

    // a_high is at least as long as a_low; b's halves may come either way round.
    const size_t a_sum_capacity = a_high_n + 1;
    const size_t b_sum_capacity = std::max(b_high_n, b_low_n) + 1;
    std::vector<Limb> scratch(2 * (a_sum_capacity + b_sum_capacity));
    Limb* a_sum = scratch.data();
    Limb* b_sum = a_sum + a_sum_capacity;
    Limb* middle = b_sum + b_sum_capacity;
    a_sum[a_high_n] = mag_add(a_sum, a_high, a_high_n, a_low, a_low_n);
    const size_t a_sum_n = normalized_size(a_sum, a_sum_capacity);
    const Limb* b_factor = a_sum;
    size_t b_sum_n = a_sum_n;
    if (!squaring) {
        if (b_high_n >= b_low_n) {
            b_sum[b_high_n] = mag_add(b_sum, b_high, b_high_n, b_low, b_low_n);
        } else {
            b_sum[b_low_n] = mag_add(b_sum, b_low, b_low_n, b_high, b_high_n);
        }
        b_factor = b_sum;
        b_sum_n = normalized_size(b_sum, b_sum_capacity);
    }
    size_t middle_n = a_sum_n + b_sum_n;
    mag_mul(middle, a_sum, a_sum_n, b_factor, b_sum_n);
    // middle -= low product and high product (both live in r, unshifted).
    const size_t low_n = normalized_size(r, std::min<size_t>(2 * h, an + bn));
    mag_sub(middle, middle, middle_n, r, low_n);
    const size_t high_n = normalized_size(r + 2 * h, an + bn - 2 * h);
    mag_sub(middle, middle, middle_n, r + 2 * h, high_n);
    middle_n = normalized_size(middle, middle_n);
    [[maybe_unused]] const Limb carry = mag_add(r + h, r + h, an + bn - h, middle, middle_n);
    assert(carry == 0);
}

// r[0..an+bn) = a * b; r must not overlap a or b. Both operands are non-empty.
void mag_mul(Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn) {
    if (an < bn) {
        std::swap(a, b);
        std::swap(an, bn);
    }
    if (bn < kKaratsubaThreshold) {
        if (a == b && an == bn) {
            mag_sqr_schoolbook(r, a, an);
        } else {
            mag_mul_schoolbook(r, a, an, b, bn);
        }
        return;
    }
    if (2 * bn > an) {
        mag_mul_karatsuba(r, a, an, b, bn);
        return;
    }
    // Lopsided: multiply b by bn-limb slices of a so every product stays balanced.
    std::fill(r, r + an + bn, Limb{0});
    std::vector<Limb> product(2 * bn);
    for (size_t offset = 0; offset < an; offset += bn) {
        const size_t slice_n = std::min(bn, an - offset);
        const size_t slice_used = normalized_size(a + offset, slice_n);
        if (slice_used == 0) continue;
        mag_mul(product.data(), b, bn, a + offset, slice_used);
        const size_t product_n = bn + slice_used;
        [[maybe_unused]] const Limb carry = mag_add(r + offset, r + offset, an + bn - offset, product.data(), product_n);
        assert(carry == 0);
    }
}

// Division of a two-limb numerator by a normalized limb (top bit set) using a precomputed
// reciprocal (Möller & Granlund, "Improved division by invariant integers", 2011): one multiply
// instead of a hardware 128/64 divide per limb.
struct LimbDivisor {
    Limb divisor;     // normalized
    Limb reciprocal;  // floor((2**128 - 1) / divisor) - 2**64
    int shift;        // how far the caller's divisor was shifted left to normalize it

    explicit LimbDivisor(Limb raw_divisor) {
        shift = std::countl_zero(raw_divisor);
        divisor = raw_divisor << shift;
        reciprocal = static_cast<Limb>(((static_cast<Wide>(~divisor) << 64) | ~Limb{0}) / divisor);
    }

    // Quotient of (high, low) / divisor; requires high < divisor.
    Limb divide(Limb high, Limb low, Limb& remainder) const {
        Wide q = static_cast<Wide>(reciprocal) * high;
        q += (static_cast<Wide>(high) << 64) | low;
        Limb q1 = static_cast<Limb>(q >> 64) + 1;
        const Limb q0 = static_cast<Limb>(q);
        Limb r = low - q1 * divisor;
        if (r > q0) {
            --q1;
            r += divisor;
        }
        if (r >= divisor) [[unlikely]] {
            ++q1;
            r -= divisor;
        }
        remainder = r;
        return q1;
    }
};

// q[0..n) = a / d; returns a % d. q may alias a.
Limb mag_divmod_1(Limb* q, const Limb* a, size_t n, const LimbDivisor& d) {
    Limb remainder = 0;
    if (d.shift == 0) {
        for (size_t i = n; i-- > 0;) q[i] = d.divide(remainder, a[i], remainder);
        return remainder;
    }
    const int s = d.shift;
    remainder = a[n - 1] >> (64 - s);
    for (size_t i = n; i-- > 0;) {
        const Limb low = (a[i] << s) | (i > 0 ? a[i - 1] >> (64 - s) : 0);
        q[i] = d.divide(remainder, low, remainder);
    }
    return remainder >> s;
}

Limb mag_mod_1(const Limb* a, size_t n, const LimbDivisor& d) {
    Limb remainder = 0;
    const int s = d.shift;
    if (s == 0) {
        for (size_t i = n; i-- > 0;) d.divide(remainder, a[i], remainder);
        return remainder;
    }
    remainder = a[n - 1] >> (64 - s);
    for (size_t i = n; i-- > 0;) {
        const Limb low = (a[i] << s) | (i > 0 ? a[i - 1] >> (64 - s) : 0);
        d.divide(remainder, low, remainder);
    }
    return remainder >> s;
}

// r[0..n) = a << shift (shift < 64); returns the bits shifted out of the top. r may alias a.
Limb mag_shl_small(Limb* r, const Limb* a, size_t n, int shift) {
    if (shift == 0) {
        if (r != a) std::memmove(r, a, n * sizeof(Limb));
        return 0;
    }
    const Limb out = a[n - 1] >> (64 - shift);
    for (size_t i = n - 1; i > 0; --i) r[i] = (a[i] << shift) | (a[i - 1] >> (64 - shift));
    r[0] = a[0] << shift;
    return out;
}

// r[0..n) = a >> shift (shift < 64). r may alias a.
void mag_shr_small(Limb* r, const Limb* a, size_t n, int shift) {
    if (shift == 0) {
        if (r != a) std::memmove(r, a, n * sizeof(Limb));
        return;
    }
    for (size_t i = 0; i + 1 < n; ++i) r[i] = (a[i] >> shift) | (a[i + 1] << (64 - shift));
    r[n - 1] = a[n - 1] >> shift;
}

// Knuth's algorithm D (TAOCP 4.3.1) for bn >= 2 and an >= bn: q gets an - bn + 1 limbs, r gets
// bn limbs. Neither may overlap the inputs.
void mag_divmod_knuth(Limb* q, Limb* r, const Limb* a, size_t an, const Limb* b, size_t bn) {
    const int s = std::countl_zero(b[bn - 1]);
    std::vector<Limb> buffer(an + 1 + bn);
    Limb* u = buffer.data();
    Limb* v = u + an + 1;
    mag_shl_small(v, b, bn, s);
    u[an] = mag_shl_small(u, a, an, s);
    const LimbDivisor top(v[bn - 1]);
    const Limb v1 = v[bn - 1];
    const Limb v0 = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        const Limb u2 = u[j + bn];
        const Limb u1 = u[j + bn - 1];
        const Limb u0 = u[j + bn - 2];
        Limb qhat;
        Limb rhat;
        bool rhat_overflow = false;
        if (u2 >= v1) {
            qhat = ~Limb{0};
            rhat = u1 + v1;  // u2 * B + u1 - qhat * v1 with u2 == v1
            rhat_overflow = rhat < u1;
        } else {
            qhat = top.divide(u2, u1, rhat);
        }
        while (!rhat_overflow && static_cast<Wide>(qhat) * v0 > ((static_cast<Wide>(rhat) << 64) | u0)) {
            --qhat;
            const Limb previous = rhat;
            rhat += v1;
            rhat_overflow = rhat < previous;
        }
        count_limb_steps(bn);
        const Limb borrow = mag_submul_1(u + j, v, bn, qhat);
        if (u[j + bn] < borrow) {
            --qhat;
            const Limb carry = mag_add(u + j, u + j, bn, v, bn);
            u[j + bn] = u[j + bn] - borrow + carry;
        } else {
            u[j + bn] -= borrow;
        }
        q[j] = qhat;
    }
    mag_shr_small(r, u, bn, s);
}

// Number of base-`base` digits that always fit in one limb, and base**that.
struct ChunkInfo {
    int digits;
    Limb power;
};

ChunkInfo chunk_info(int base) {
    ChunkInfo info{0, 1};
    while (info.power <= ~Limb{0} / static_cast<Limb>(base)) {
        info.power *= static_cast<Limb>(base);
        ++info.digits;
    }
    return info;
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

bool is_python_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Appends value's digits, left-padded with zeros to min_digits.
void append_limb_digits(std::string& out, Limb value, int base, int min_digits) {
    char buffer[72];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
    const auto length = static_cast<int>(result.ptr - buffer);
    if (length < min_digits) out.append(static_cast<size_t>(min_digits - length), '0');
    out.append(buffer, result.ptr);
}

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

}  // namespace

// Lets the file-local algorithms build results directly in a BigInt's limbs.
struct BigIntAccess {
    static const Limb* limbs(const BigInt& x) { return x.limbs(); }
    static size_t size(const BigInt& x) { return x.size(); }
    static Limb* resize(BigInt& x, size_t count) { return x.resize_uninitialized(count); }
    static void finish(BigInt& x, bool negative) {
        x.negative_ = negative;
        x.normalize();
    }
    static void set_negative(BigInt& x, bool negative) { x.negative_ = negative && x.size_ != 0; }
};

namespace {

using Access = BigIntAccess;

// |a| + |b| with the given sign.
BigInt add_magnitudes(const BigInt& a, const BigInt& b, bool negative) {
    const Limb* x = Access::limbs(a);
    size_t xn = Access::size(a);
    const Limb* y = Access::limbs(b);
    size_t yn = Access::size(b);
    if (xn < yn) {
        std::swap(x, y);
        std::swap(xn, yn);
    }
    BigInt result;
    Limb* r = Access::resize(result, xn + 1);
    r[xn] = mag_add(r, x, xn, y, yn);
    Access::finish(result, negative);
    return result;
}

// |a| - |b|, negated when negate_result is set.
BigInt subtract_magnitudes(const BigInt& a, const BigInt& b, bool negate_result) {
    const Limb* x = Access::limbs(a);
    size_t xn = Access::size(a);
    const Limb* y = Access::limbs(b);
    size_t yn = Access::size(b);
    const int order = mag_compare(x, xn, y, yn);
    if (order == 0) return BigInt();
    bool negative = negate_result;
    if (order < 0) {
        std::swap(x, y);
        std::swap(xn, yn);
        negative = !negative;
    }
    BigInt result;
    Limb* r = Access::resize(result, xn);
    mag_sub(r, x, xn, y, yn);
    Access::finish(result, negative);
    return result;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------

BigInt::BigInt(const BigInt& other) : size_(0), capacity_(kInlineLimbs), negative_(false) {
    assign_magnitude(other.limbs(), other.size_, other.negative_);
}

BigInt::BigInt(BigInt&& other) noexcept : size_(other.size_), capacity_(other.capacity_), negative_(other.negative_) {
    if (other.on_heap()) {
        heap_ = other.heap_;
        other.capacity_ = kInlineLimbs;
    } else {
        inline_[0] = other.inline_[0];
        inline_[1] = other.inline_[1];
    }
    other.size_ = 0;
    other.negative_ = false;
}

BigInt& BigInt::operator=(const BigInt& other) {
    if (this != &other) assign_magnitude(other.limbs(), other.size_, other.negative_);
    return *this;
}

BigInt& BigInt::operator=(BigInt&& other) noexcept {
    if (this == &other) return *this;
    if (on_heap()) delete[] heap_;
    size_ = other.size_;
    capacity_ = other.capacity_;
    negative_ = other.negative_;
    if (other.on_heap()) {
        heap_ = other.heap_;
        other.capacity_ = kInlineLimbs;
    } else {
        inline_[0] = other.inline_[0];
        inline_[1] = other.inline_[1];
    }
    other.size_ = 0;
    other.negative_ = false;
    return *this;
}

BigInt::Limb* BigInt::resize_uninitialized(size_t count) {
    if (count > capacity_) {
        if (count > UINT32_MAX) throw std::bad_alloc();
        Limb* fresh = new Limb[count];
        if (on_heap()) delete[] heap_;
        heap_ = fresh;
        capacity_ = static_cast<uint32_t>(count);
    }
    size_ = static_cast<uint32_t>(count);
    return limbs();
}

void BigInt::normalize() noexcept {
    const Limb* data = limbs();
    while (size_ > 0 && data[size_ - 1] == 0) --size_;
    if (size_ == 0) negative_ = false;
}

void BigInt::assign_magnitude(const Limb* source, size_t count, bool negative) {
    count = normalized_size(source, count);
    if (count > capacity_) {
        Limb* fresh = new Limb[count];
        std::memcpy(fresh, source, count * sizeof(Limb));
        if (on_heap()) delete[] heap_;
        heap_ = fresh;
        capacity_ = static_cast<uint32_t>(count);
    } else if (count != 0) {
        std::memmove(limbs(), source, count * sizeof(Limb));
    }
    size_ = static_cast<uint32_t>(count);
    negative_ = negative && count != 0;
}

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

bool BigInt::fits_int64() const noexcept {
    if (size_ == 0) return true;
    if (size_ > 1) return false;
    const Limb magnitude = limbs()[0];
    return negative_ ? magnitude <= (uint64_t{1} << 63) : magnitude <= static_cast<uint64_t>(INT64_MAX);
}

int64_t BigInt::to_int64() const noexcept {
    if (size_ == 0) return 0;
    const Limb magnitude = limbs()[0];
    return negative_ ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
}

std::optional<BigInt> BigInt::from_double(double value) {
    if (!std::isfinite(value)) return std::nullopt;
    const double truncated = std::trunc(value);
    if (std::fabs(truncated) < 9223372036854775808.0) return BigInt(static_cast<int64_t>(truncated));
    int exponent = 0;
    const double fraction = std::frexp(std::fabs(truncated), &exponent);
    const auto mantissa = static_cast<uint64_t>(std::ldexp(fraction, DBL_MANT_DIG));
    BigInt result = BigInt(mantissa) << static_cast<uint64_t>(exponent - DBL_MANT_DIG);
    if (truncated < 0) result.negative_ = true;
    return result;
}

uint64_t BigInt::bit_length() const noexcept {
    if (size_ == 0) return 0;
    return static_cast<uint64_t>(size_) * 64 - static_cast<uint64_t>(std::countl_zero(limbs()[size_ - 1]));
}

uint64_t BigInt::bit_count() const noexcept {
    uint64_t count = 0;
    const Limb* data = limbs();
    for (size_t i = 0; i < size_; ++i) count += static_cast<uint64_t>(std::popcount(data[i]));
    return count;
}

namespace {

// The top 64 bits of a magnitude (bit 63 set) and whether any bit below them is set.
Limb top_bits(const Limb* limbs, size_t n, bool& sticky) {
    const int lead = std::countl_zero(limbs[n - 1]);
    Limb top = limbs[n - 1] << lead;
    Limb rest = 0;
    if (n >= 2) {
        if (lead != 0) top |= limbs[n - 2] >> (64 - lead);
        rest = lead != 0 ? (limbs[n - 2] << lead) : 0;
        for (size_t i = 0; i + 2 < n && rest == 0; ++i) rest |= limbs[i];
    }
    sticky = rest != 0;
    return top;
}

}  // namespace

double BigInt::to_double(bool& overflow) const {
    overflow = false;
    if (size_ == 0) return 0.0;
    const Limb* data = limbs();
    const uint64_t bits = bit_length();
    double magnitude;
    if (bits <= 64) {
        const Limb value = data[0];
        if (bits <= DBL_MANT_DIG) {
            magnitude = static_cast<double>(value);
            return negative_ ? -magnitude : magnitude;
        }
    }
    bool sticky = false;
    const Limb top = top_bits(data, size_, sticky);
    // Keep 53 bits; the 11 below decide the rounding, half to even.
    constexpr int kDropped = 64 - DBL_MANT_DIG;
    Limb mantissa = top >> kDropped;
    const Limb dropped = top & ((Limb{1} << kDropped) - 1);
    const Limb half = Limb{1} << (kDropped - 1);
    if (dropped > half || (dropped == half && (sticky || (mantissa & 1)))) ++mantissa;
    int64_t exponent = static_cast<int64_t>(bits) - DBL_MANT_DIG;
    if (mantissa == (Limb{1} << DBL_MANT_DIG)) {
        mantissa >>= 1;
        ++exponent;
    }
    if (exponent + DBL_MANT_DIG > DBL_MAX_EXP) {
        overflow = true;
        return 0.0;
    }
    magnitude = std::ldexp(static_cast<double>(mantissa), static_cast<int>(exponent));
    return negative_ ? -magnitude : magnitude;
}

namespace {

// Converts digit values (one per byte, most significant first) in a base that is not a power of
// two. Small inputs use limb-sized chunks with multiply-add (quadratic); large ones combine
// halves with subquadratic multiplication: value(hi ++ lo) = value(hi) * base**len(lo) + value(lo).
class ChunkedDigitConverter {
public:
    explicit ChunkedDigitConverter(int base) : base_(base), chunk_(chunk_info(base)) {}

    BigInt convert(const uint8_t* digits, size_t count) {
        // Chunk values, least significant chunk first; the most significant may be partial.
        const size_t chunk_count = (count + chunk_.digits - 1) / chunk_.digits;
        std::vector<Limb> chunks(chunk_count);
        size_t end = count;
        for (size_t c = 0; c < chunk_count; ++c) {
            const size_t begin = end >= static_cast<size_t>(chunk_.digits) ? end - chunk_.digits : 0;
            Limb value = 0;
            for (size_t i = begin; i < end; ++i) value = value * static_cast<Limb>(base_) + digits[i];
            chunks[c] = value;
            end = begin;
        }
        return combine(chunks.data(), chunk_count);
    }

private:
    // Below this many chunks, multiply-add beats splitting.
    static constexpr size_t kSplitThreshold = 256;

    BigInt combine(const Limb* chunks, size_t count) {
        if (count <= kSplitThreshold) return multiply_add(chunks, count);
        // The low half holds a power-of-two number of chunks so its multiplier can be cached.
        size_t low_count = 1;
        int level = 0;
        while (low_count * 2 < count) {
            low_count *= 2;
            ++level;
        }
        BigInt high = combine(chunks + low_count, count - low_count);
        BigInt low = combine(chunks, low_count);
        return high * chunk_power(level) + low;
    }

    BigInt multiply_add(const Limb* chunks, size_t count) {
        BigInt result;
        Limb* r = Access::resize(result, count);
        size_t used = 0;
        for (size_t c = count; c-- > 0;) {
            count_limb_steps(used);
            const Limb high = mag_mul_1(r, r, used, chunk_.power);
            if (high != 0) r[used++] = high;
            const Limb carry = mag_add_1(r, used, chunks[c]);
            if (carry != 0) r[used++] = carry;
        }
        Access::resize(result, used);
        Access::finish(result, false);
        return result;
    }

    // (chunk power) ** (2 ** level), squared up from the previous level.
    const BigInt& chunk_power(int level) {
        if (powers_.empty()) powers_.emplace_back(chunk_.power);
        while (static_cast<int>(powers_.size()) <= level) powers_.push_back(powers_.back() * powers_.back());
        return powers_[level];
    }

    int base_;
    ChunkInfo chunk_;
    std::vector<BigInt> powers_;
};

BigInt convert_power_of_two_digits(const uint8_t* digits, size_t count, int bits_per_digit) {
    BigInt result;
    const size_t total_bits = count * static_cast<size_t>(bits_per_digit);
    Limb* r = Access::resize(result, (total_bits + 63) / 64);
    std::fill(r, r + (total_bits + 63) / 64, Limb{0});
    size_t bit = 0;
    for (size_t i = count; i-- > 0; bit += static_cast<size_t>(bits_per_digit)) {
        const Limb value = digits[i];
        r[bit / 64] |= value << (bit % 64);
        if (bit % 64 + static_cast<size_t>(bits_per_digit) > 64) r[bit / 64 + 1] |= value >> (64 - bit % 64);
    }
    Access::finish(result, false);
    return result;
}

}  // namespace

std::optional<BigInt> BigInt::parse(std::string_view text, int base) {
    if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
    size_t pos = 0;
    size_t end = text.size();
    while (pos < end && is_python_space(text[pos])) ++pos;
    while (end > pos && is_python_space(text[end - 1])) --end;
    bool negative = false;
    if (pos < end && (text[pos] == '+' || text[pos] == '-')) {
        negative = text[pos] == '-';
        ++pos;
    }
    auto at = [&](size_t i) { return i < end ? text[i] : '\0'; };
    bool zero_only = false;  // base 0 with a leading 0 and no prefix: only zero is valid ("010")
    const char marker = static_cast<char>(at(pos + 1) | 0x20);
    if (base == 0) {
        if (at(pos) != '0') {
            base = 10;
        } else if (marker == 'x') {
            base = 16;
        } else if (marker == 'o') {
            base = 8;
        } else if (marker == 'b') {
            base = 2;
        } else {
            base = 10;
            zero_only = true;
        }
    }
    if (at(pos) == '0' && ((base == 16 && marker == 'x') || (base == 8 && marker == 'o') || (base == 2 && marker == 'b'))) {
        pos += 2;
        if (at(pos) == '_') ++pos;  // one underscore may follow the prefix
    }
    // Validate: digits below the base, each underscore between two digits.
    size_t digit_count = 0;
    bool previous_was_digit = false;
    for (size_t i = pos; i < end; ++i) {
        const char c = text[i];
        if (c == '_') {
            if (!previous_was_digit || i + 1 >= end) return std::nullopt;
            previous_was_digit = false;
            continue;
        }
        if (digit_value(c) >= base) return std::nullopt;
        ++digit_count;
        previous_was_digit = true;
    }
    if (digit_count == 0) return std::nullopt;

    BigInt result;
    if (digit_count <= static_cast<size_t>(chunk_info(base).digits)) {
        Limb value = 0;
        for (size_t i = pos; i < end; ++i) {
            if (text[i] != '_') value = value * static_cast<Limb>(base) + static_cast<Limb>(digit_value(text[i]));
        }
        result = BigInt(value);
    } else {
        std::vector<uint8_t> digits;
        digits.reserve(digit_count);
        for (size_t i = pos; i < end; ++i) {
            if (text[i] != '_') digits.push_back(static_cast<uint8_t>(digit_value(text[i])));
        }
        if (std::has_single_bit(static_cast<unsigned>(base))) {
            result = convert_power_of_two_digits(digits.data(), digits.size(), std::countr_zero(static_cast<unsigned>(base)));
        } else {
            result = ChunkedDigitConverter(base).convert(digits.data(), digits.size());
        }
    }
    if (zero_only && !result.is_zero()) return std::nullopt;
    Access::set_negative(result, negative);
    return result;
}

std::string BigInt::to_string(int base) const {
    std::string out;
    append_string(out, base);
    return out;
}

void BigInt::append_string(std::string& out, int base) const {
    assert(base >= 2 && base <= 36);
    if (size_ == 0) {
        out.push_back('0');
        return;
    }
    if (negative_) out.push_back('-');
    const Limb* data = limbs();
    const size_t start = out.size();
    if (std::has_single_bit(static_cast<unsigned>(base))) {
        const int bits = std::countr_zero(static_cast<unsigned>(base));
        const uint64_t total_bits = bit_length();
        const uint64_t digit_count = (total_bits + bits - 1) / bits;
        out.resize(start + digit_count);
        char* write = out.data() + start + digit_count;
        const Limb mask = (Limb{1} << bits) - 1;
        for (uint64_t bit = 0; bit < digit_count * bits; bit += bits) {
            Limb value = data[bit / 64] >> (bit % 64);
            if (bit % 64 + bits > 64 && bit / 64 + 1 < size_) value |= data[bit / 64 + 1] << (64 - bit % 64);
            *--write = kDigitChars[value & mask];
        }
        return;
    }
    if (size_ == 1) {
        append_limb_digits(out, data[0], base, 0);
        return;
    }
    // Peel off limb-sized chunks of digits, least significant first, by repeated division.
    const ChunkInfo chunk = chunk_info(base);
    std::vector<Limb> scratch(data, data + size_);
    std::vector<Limb> chunks;
    chunks.reserve(size_ * 64 / static_cast<size_t>(chunk.digits) + 2);
    const LimbDivisor divisor(chunk.power);
    size_t n = size_;
    while (n > 0) {
        count_limb_steps(n);
        chunks.push_back(mag_divmod_1(scratch.data(), scratch.data(), n, divisor));
        n = normalized_size(scratch.data(), n);
    }
    out.reserve(out.size() + chunks.size() * static_cast<size_t>(chunk.digits));
    append_limb_digits(out, chunks.back(), base, 0);
    for (size_t c = chunks.size() - 1; c-- > 0;) append_limb_digits(out, chunks[c], base, chunk.digits);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------

BigInt BigInt::operator-() const {
    BigInt result(*this);
    result.negative_ = !negative_ && size_ != 0;
    return result;
}

BigInt BigInt::abs() const {
    BigInt result(*this);
    result.negative_ = false;
    return result;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    int64_t sum;
    if (a.fits_int64() && b.fits_int64() && !__builtin_add_overflow(a.to_int64(), b.to_int64(), &sum)) {
        return BigInt(sum);
    }
    if (a.negative_ == b.negative_) return add_magnitudes(a, b, a.negative_);
    return subtract_magnitudes(a, b, a.negative_);
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    if (a.negative_ != b.negative_) return add_magnitudes(a, b, a.negative_);
    return subtract_magnitudes(a, b, a.negative_);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
    if (a.size_ == 0 || b.size_ == 0) return BigInt();
    const bool negative = a.negative_ != b.negative_;
    BigInt result;
    if (a.size_ == 1 && b.size_ == 1) {
        const Wide product = static_cast<Wide>(a.limbs()[0]) * b.limbs()[0];
        result.inline_[0] = static_cast<Limb>(product);
        result.inline_[1] = static_cast<Limb>(product >> 64);
        result.size_ = result.inline_[1] ? 2 : 1;
        result.negative_ = negative;
        return result;
    }
    Limb* r = result.resize_uninitialized(a.size_ + b.size_);
    mag_mul(r, a.limbs(), a.size_, b.limbs(), b.size_);
    result.negative_ = negative;
    result.normalize();
    return result;
}

void BigInt::divmod(const BigInt& dividend, const BigInt& divisor, BigInt& quotient, BigInt& remainder) {
    assert(!divisor.is_zero());
    const Limb* a = dividend.limbs();
    const size_t an = dividend.size_;
    const Limb* b = divisor.limbs();
    const size_t bn = divisor.size_;
    const bool signs_differ = dividend.negative_ != divisor.negative_;
    BigInt q;
    BigInt r;
    if (mag_compare(a, an, b, bn) < 0) {
        r = dividend;
    } else if (bn == 1) {
        Limb* qd = q.resize_uninitialized(an);
        const Limb rem = mag_divmod_1(qd, a, an, LimbDivisor(b[0]));
        q.normalize();
        r = BigInt(rem);
        r.negative_ = dividend.negative_ && rem != 0;
    } else {
        Limb* qd = q.resize_uninitialized(an - bn + 1);
        Limb* rd = r.resize_uninitialized(bn);
        mag_divmod_knuth(qd, rd, a, an, b, bn);
        q.normalize();
        r.normalize();
        r.negative_ = dividend.negative_ && r.size_ != 0;
    }
    // Truncated division gave |q|; floor division rounds away from zero when the signs differ.
    if (signs_differ && !r.is_zero()) {
        q = q + BigInt(1);
        r = r + divisor;
    }
    q.negative_ = signs_differ && q.size_ != 0;
    quotient = std::move(q);
    remainder = std::move(r);
}

BigInt BigInt::floordiv(const BigInt& dividend, const BigInt& divisor) {
    BigInt q;
    BigInt r;
    divmod(dividend, divisor, q, r);
    return q;
}

BigInt BigInt::mod(const BigInt& dividend, const BigInt& divisor) {
    if (divisor.size_ == 1 && dividend.size_ >= 1) {
        const Limb d = divisor.limbs()[0];
        Limb rem = mag_mod_1(dividend.limbs(), dividend.size_, LimbDivisor(d));
        if (rem != 0 && dividend.negative_ != divisor.negative_) rem = d - rem;
        BigInt result(rem);
        result.negative_ = divisor.negative_ && rem != 0;
        return result;
    }
    BigInt q;
    BigInt r;
    divmod(dividend, divisor, q, r);
    return r;
}

BigInt BigInt::pow(const BigInt& base, uint64_t exponent) {
    if (exponent == 0) return BigInt(1);
    if (base.size_ == 0) return BigInt();
    const Limb low = base.limbs()[0];
    if (base.size_ == 1 && low == 1) return base.negative_ && (exponent & 1) ? BigInt(-1) : BigInt(1);
    // Powers of two are a shift.
    if (base.size_ == 1 && std::has_single_bit(low)) {
        const auto bits_per_factor = static_cast<uint64_t>(std::countr_zero(low));
        if (exponent > UINT64_MAX / bits_per_factor) throw std::bad_alloc();
        BigInt result = BigInt(1) << (exponent * bits_per_factor);
        result.negative_ = base.negative_ && (exponent & 1);
        return result;
    }
    BigInt result(1);
    const int top = 63 - std::countl_zero(exponent);
    for (int bit = top; bit >= 0; --bit) {
        result = result * result;
        if ((exponent >> bit) & 1) result = result * base;
    }
    return result;
}

namespace {

// Modular inverse of a (0 <= a < m, m > 1) by the extended Euclidean algorithm.
std::optional<BigInt> mod_inverse(const BigInt& a, const BigInt& m) {
    BigInt old_r = a;
    BigInt r = m;
    BigInt old_s(1);
    BigInt s(0);
    BigInt q;
    BigInt rem;
    while (!r.is_zero()) {
        BigInt::divmod(old_r, r, q, rem);
        old_r = std::move(r);
        r = std::move(rem);
        BigInt next_s = old_s - q * s;
        old_s = std::move(s);
        s = std::move(next_s);
    }
    if (!(old_r == BigInt(1))) return std::nullopt;
    return BigInt::mod(old_s, m);
}

}  // namespace

std::optional<BigInt> BigInt::powmod(const BigInt& base, const BigInt& exponent, const BigInt& modulus) {
    assert(!modulus.is_zero());
    const BigInt m = modulus.abs();
    if (m == BigInt(1)) return BigInt();
    BigInt reduced = mod(base, m);
    BigInt e = exponent;
    if (e.negative_) {
        std::optional<BigInt> inverse = mod_inverse(reduced, m);
        if (!inverse) return std::nullopt;
        reduced = std::move(*inverse);
        e.negative_ = false;
    }
    BigInt result(1);
    const uint64_t bits = e.bit_length();
    const Limb* e_limbs = e.limbs();
    for (uint64_t bit = bits; bit-- > 0;) {
        result = mod(result * result, m);
        if ((e_limbs[bit / 64] >> (bit % 64)) & 1) result = mod(result * reduced, m);
    }
    // Python's result takes the modulus's sign.
    if (modulus.negative_ && !result.is_zero()) result = result - m;
    return result;
}

BigInt BigInt::gcd(const BigInt& a, const BigInt& b) {
    BigInt x = a.abs();
    BigInt y = b.abs();
    while (y.size_ > 1) {
        BigInt r = mod(x, y);
        x = std::move(y);
        y = std::move(r);
    }
    if (y.is_zero()) return x;
    const BigInt first_remainder = mod(x, y);
    Limb u = first_remainder.is_zero() ? 0 : first_remainder.limbs()[0];
    Limb v = y.limbs()[0];
    while (u != 0) {
        const Limb t = v % u;
        v = u;
        u = t;
    }
    return BigInt(v);
}

double BigInt::true_divide(const BigInt& a, const BigInt& b, bool& overflow) {
    assert(!b.is_zero());
    overflow = false;
    const bool negate = a.negative_ != b.negative_;
    if (a.is_zero()) return negate ? -0.0 : 0.0;
    const uint64_t a_bits = a.bit_length();
    const uint64_t b_bits = b.bit_length();
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        const double quotient = static_cast<double>(a.limbs()[0]) / static_cast<double>(b.limbs()[0]);
        return negate ? -quotient : quotient;
    }
    // As CPython's long_true_divide: scale a by 2**-shift so the integer quotient has 55 or 56
    // significant bits (or exactly enough for a subnormal result), then round once.
    const int64_t diff = static_cast<int64_t>(a_bits) - static_cast<int64_t>(b_bits);
    if (diff > DBL_MAX_EXP) {
        overflow = true;
        return 0.0;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negate ? -0.0 : 0.0;
    const int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    BigInt x = a.abs();
    if (shift <= 0) {
        x = x << static_cast<uint64_t>(-shift);
    } else {
        const uint64_t s = static_cast<uint64_t>(shift);
        const Limb* data = x.limbs();
        for (uint64_t i = 0; i < s / 64 && !inexact; ++i) inexact = data[i] != 0;
        if (!inexact && s % 64 != 0) inexact = (data[s / 64] & ((Limb{1} << (s % 64)) - 1)) != 0;
        x = x >> s;
    }
    BigInt q;
    BigInt r;
    divmod(x, b.abs(), q, r);
    if (!r.is_zero()) inexact = true;
    Limb low = q.limbs()[0];
    const int64_t q_bits = static_cast<int64_t>(q.bit_length());
    const int64_t extra_bits = std::max<int64_t>(q_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    const Limb mask = Limb{1} << (extra_bits - 1);
    low |= inexact ? 1 : 0;
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    low &= ~(2 * mask - 1);
    const double mantissa = static_cast<double>(low);
    if (shift + q_bits >= DBL_MAX_EXP &&
        (shift + q_bits > DBL_MAX_EXP || mantissa == std::ldexp(1.0, static_cast<int>(q_bits)))) {
        overflow = true;
        return 0.0;
    }
    const double result = std::ldexp(mantissa, static_cast<int>(shift));
    return negate ? -result : result;
}

double true_divide_i64(int64_t a, int64_t b) noexcept {
    constexpr int64_t kExact = int64_t{1} << DBL_MANT_DIG;
    if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact) {
        return static_cast<double>(a) / static_cast<double>(b);
    }
    bool overflow = false;
    return BigInt::true_divide(BigInt(a), BigInt(b), overflow);
}

std::partial_ordering compare_int_double(const BigInt& value, double other) {
    if (std::isnan(other)) return std::partial_ordering::unordered;
    if (std::isinf(other)) return other > 0 ? std::partial_ordering::less : std::partial_ordering::greater;
    const double integral = std::trunc(other);
    const std::strong_ordering order = value <=> *BigInt::from_double(integral);
    if (order != 0) return order;
    // Equal integer parts: the float's fraction decides.
    const double fraction = other - integral;
    if (fraction > 0) return std::partial_ordering::less;
    if (fraction < 0) return std::partial_ordering::greater;
    return std::partial_ordering::equivalent;
}

int64_t hash_double(double value) noexcept {
    constexpr int kHashBits = 61;
    constexpr uint64_t kModulus = (uint64_t{1} << kHashBits) - 1;
    constexpr int64_t kInfinityHash = 314159;
    if (std::isinf(value)) return value > 0 ? kInfinityHash : -kInfinityHash;
    if (std::isnan(value)) return 0;
    int exponent = 0;
    double mantissa = std::frexp(value, &exponent);
    const bool negative = mantissa < 0;
    if (negative) mantissa = -mantissa;
    // Fold in 28 bits at a time, as CPython's _Py_HashDouble, so integral floats hash as ints.
    uint64_t reduced = 0;
    while (mantissa != 0.0) {
        reduced = ((reduced << 28) & kModulus) | reduced >> (kHashBits - 28);
        mantissa *= 268435456.0;
        exponent -= 28;
        const auto chunk = static_cast<uint64_t>(mantissa);
        mantissa -= static_cast<double>(chunk);
        reduced += chunk;
        if (reduced >= kModulus) reduced -= kModulus;
    }
    exponent = exponent >= 0 ? exponent % kHashBits : kHashBits - 1 - ((-1 - exponent) % kHashBits);
    reduced = ((reduced << exponent) & kModulus) | reduced >> (kHashBits - exponent);
    int64_t result = negative ? -static_cast<int64_t>(reduced) : static_cast<int64_t>(reduced);
    return result == -1 ? -2 : result;
}

// ---------------------------------------------------------------------------------------------
// Bitwise operations
// ---------------------------------------------------------------------------------------------

namespace {

// Streams the limbs of a value's infinite two's complement form: for negatives, ~(|x| - 1).
class TwosComplementReader {
public:
    explicit TwosComplementReader(const BigInt& x)
        : limbs_(Access::limbs(x)), size_(Access::size(x)), negative_(x.is_negative()) {}

    Limb next() {
        const Limb magnitude = index_ < size_ ? limbs_[index_] : 0;
        ++index_;
        if (!negative_) return magnitude;
        const Limb decremented = magnitude - borrow_;
        borrow_ = magnitude < borrow_;
        return ~decremented;
    }
    Limb extension() const { return negative_ ? ~Limb{0} : 0; }

private:
    const Limb* limbs_;
    size_t size_;
    bool negative_;
    size_t index_ = 0;
    Limb borrow_ = 1;
};

template <typename Op>
BigInt bitwise(const BigInt& a, const BigInt& b, Op op) {
    const size_t n = std::max(Access::size(a), Access::size(b));
    TwosComplementReader x(a);
    TwosComplementReader y(b);
    BigInt result;
    Limb* r = Access::resize(result, n + 1);
    for (size_t i = 0; i < n; ++i) r[i] = op(x.next(), y.next());
    const bool negative = op(x.extension(), y.extension()) != 0;
    if (negative) {
        // Back from two's complement: magnitude = ~r + 1.
        Limb carry = 1;
        for (size_t i = 0; i < n; ++i) {
            r[i] = ~r[i] + carry;
            carry = carry && r[i] == 0;
        }
        r[n] = carry;
    } else {
        r[n] = 0;
    }
    Access::finish(result, negative);
    return result;
}

}  // namespace

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](Limb x, Limb y) { return x & y; });
}

BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](Limb x, Limb y) { return x | y; });
}

BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](Limb x, Limb y) { return x ^ y; });
}

BigInt BigInt::operator~() const {
    return -*this - BigInt(1);
}

BigInt BigInt::operator<<(uint64_t shift) const {
    if (size_ == 0 || shift == 0) return *this;
    const size_t limb_shift = shift / 64;
    const int bit_shift = static_cast<int>(shift % 64);
    BigInt result;
    Limb* r = result.resize_uninitialized(size_ + limb_shift + 1);
    std::fill(r, r + limb_shift, Limb{0});
    r[size_ + limb_shift] = mag_shl_small(r + limb_shift, limbs(), size_, bit_shift);
    result.negative_ = negative_;
    result.normalize();
    return result;
}

BigInt BigInt::operator>>(uint64_t shift) const {
    if (size_ == 0 || shift == 0) return *this;
    const uint64_t limb_shift = shift / 64;
    if (limb_shift >= size_) return negative_ ? BigInt(-1) : BigInt();
    const int bit_shift = static_cast<int>(shift % 64);
    const Limb* data = limbs();
    // Floor semantics: a negative value whose shifted-out bits are not all zero rounds down.
    bool lost_bits = false;
    if (negative_) {
        for (size_t i = 0; i < limb_shift && !lost_bits; ++i) lost_bits = data[i] != 0;
        if (bit_shift != 0) lost_bits = lost_bits || (data[limb_shift] & ((Limb{1} << bit_shift) - 1)) != 0;
    }
    BigInt result;
    const size_t n = size_ - limb_shift;
    Limb* r = result.resize_uninitialized(n + 1);
    mag_shr_small(r, data + limb_shift, n, bit_shift);
    r[n] = 0;
    if (lost_bits) mag_add_1(r, n + 1, 1);
    result.negative_ = negative_;
    result.normalize();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Hashing, bytes, comparison
// ---------------------------------------------------------------------------------------------

int64_t BigInt::hash() const noexcept {
    constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
    const Limb* data = limbs();
    uint64_t reduced = 0;
    // 2**64 is 8 modulo 2**61 - 1, so each limb step is reduced * 8 + limb.
    for (size_t i = size_; i-- > 0;) {
        uint64_t limb = (data[i] & kModulus) + (data[i] >> 61);
        if (limb >= kModulus) limb -= kModulus;
        uint64_t shifted = ((reduced << 3) & kModulus) + (reduced >> 58);
        if (shifted >= kModulus) shifted -= kModulus;
        reduced = shifted + limb;
        if (reduced >= kModulus) reduced -= kModulus;
    }
    int64_t result = negative_ ? -static_cast<int64_t>(reduced) : static_cast<int64_t>(reduced);
    return result == -1 ? -2 : result;
}

std::vector<uint8_t> BigInt::to_bytes(size_t length, bool little_endian, bool is_signed, bool& overflow) const {
    overflow = false;
    std::vector<uint8_t> bytes(length, 0);
    if (negative_ && !is_signed) {
        overflow = true;
        return bytes;
    }
    // Signed values need room for the sign bit: a non-negative value below 2**(8n-1), a negative
    // one of at least -2**(8n-1).
    const uint64_t bits = bit_length();
    if (is_signed && bits != 0) {
        const bool is_min = negative_ && bits >= 1 && bit_count() == 1;
        const uint64_t needed = is_min ? bits : bits + 1;
        // CPython lets -1 through with zero bytes: it only checks that no sign bits are lost.
        const bool is_minus_one = negative_ && bits == 1;
        if (needed > static_cast<uint64_t>(length) * 8 && !is_minus_one) overflow = true;
    } else if (bits > static_cast<uint64_t>(length) * 8) {
        overflow = true;
    }
    if (overflow) return bytes;
    TwosComplementReader reader(*this);
    Limb current = 0;
    for (size_t i = 0; i < length; ++i) {
        if (i % 8 == 0) current = reader.next();
        const auto byte = static_cast<uint8_t>(current >> (8 * (i % 8)));
        bytes[little_endian ? i : length - 1 - i] = byte;
    }
    return bytes;
}

BigInt BigInt::from_bytes(const uint8_t* data, size_t length, bool little_endian, bool is_signed) {
    BigInt result;
    if (length == 0) return result;
    const size_t limb_count = (length + 7) / 8;
    Limb* r = result.resize_uninitialized(limb_count);
    std::fill(r, r + limb_count, Limb{0});
    for (size_t i = 0; i < length; ++i) {
        const uint8_t byte = data[little_endian ? i : length - 1 - i];
        r[i / 8] |= static_cast<Limb>(byte) << (8 * (i % 8));
    }
    const uint8_t top_byte = data[little_endian ? length - 1 : 0];
    const bool negative = is_signed && (top_byte & 0x80) != 0;
    if (negative) {
        // Sign-extend the length*8-bit field to whole limbs, then negate: the top bit is set, so
        // the magnitude fits in the same limbs.
        if (length % 8 != 0) r[limb_count - 1] |= ~Limb{0} << (8 * (length % 8));
        Limb carry = 1;
        for (size_t i = 0; i < limb_count; ++i) {
            r[i] = ~r[i] + carry;
            carry = carry && r[i] == 0;
        }
    }
    result.negative_ = negative;
    result.normalize();
    return result;
}

bool operator==(const BigInt& a, const BigInt& b) noexcept {
    return a.negative_ == b.negative_ && mag_compare(a.limbs(), a.size_, b.limbs(), b.size_) == 0;
}

std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) noexcept {
    if (a.negative_ != b.negative_) return a.negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
    const int order = mag_compare(a.limbs(), a.size_, b.limbs(), b.size_);
    const int signed_order = a.negative_ ? -order : order;
    return signed_order <=> 0;
}

std::strong_ordering BigInt::compare_int64(int64_t other) const noexcept {
    if (fits_int64()) return to_int64() <=> other;
    return negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
}

}  // namespace chaipy
