// Lexer: Python source text to tokens, following CPython 3.11's tokenizer (including its errors).
#include "interpreter/lexer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace chaipy {
namespace {

constexpr int kTabSize = 8;         // CPython's tokenizer tab stop
constexpr int kMaxIndent = 100;     // CPython's MAXINDENT
constexpr int kMaxBracketLevel = 200;  // CPython's MAXLEVEL
constexpr int kEof = -1;

// Unicode properties of code points >= 0x80, as runs: from `first` on, until the next entry,
// code points have `flags` (1: may start an identifier, 2: may continue one, 4: printable).
// Generated from CPython 3.11's unicodedata (str.isidentifier / str.isprintable).
struct UnicodeRun {
  uint32_t first;
  uint8_t flags;
};
constexpr UnicodeRun kUnicodeRuns[] = {
    {0x80,0},{0xA1,4},{0xAA,7},{0xAB,4},{0xAD,0},{0xAE,4},{0xB5,7},{0xB6,4},{0xB7,6},{0xB8,4},
    {0xBA,7},{0xBB,4},{0xC0,7},{0xD7,4},{0xD8,7},{0xF7,4},{0xF8,7},{0x2C2,4},{0x2C6,7},{0x2D2,4},
    {0x2E0,7},{0x2E5,4},{0x2EC,7},{0x2ED,4},{0x2EE,7},{0x2EF,4},{0x300,6},{0x370,7},{0x375,4},
    {0x376,7},{0x378,0},{0x37A,4},{0x37B,7},{0x37E,4},{0x37F,7},{0x380,0},{0x384,4},{0x386,7},
    {0x387,6},{0x388,7},{0x38B,0},{0x38C,7},{0x38D,0},{0x38E,7},{0x3A2,0},{0x3A3,7},{0x3F6,4},
    {0x3F7,7},{0x482,4},{0x483,6},{0x488,4},{0x48A,7},{0x530,0},{0x531,7},{0x557,0},{0x559,7},
    {0x55A,4},{0x560,7},{0x589,4},{0x58B,0},{0x58D,4},{0x590,0},{0x591,6},{0x5BE,4},{0x5BF,6},
    {0x5C0,4},{0x5C1,6},{0x5C3,4},{0x5C4,6},{0x5C6,4},{0x5C7,6},{0x5C8,0},{0x5D0,7},{0x5EB,0},
    {0x5EF,7},{0x5F3,4},{0x5F5,0},{0x606,4},{0x610,6},{0x61B,4},{0x61C,0},{0x61D,4},{0x620,7},
    {0x64B,6},{0x66A,4},{0x66E,7},{0x670,6},{0x671,7},{0x6D4,4},{0x6D5,7},{0x6D6,6},{0x6DD,0},
    {0x6DE,4},{0x6DF,6},{0x6E5,7},{0x6E7,6},{0x6E9,4},{0x6EA,6},{0x6EE,7},{0x6F0,6},{0x6FA,7},
    {0x6FD,4},{0x6FF,7},{0x700,4},{0x70E,0},{0x710,7},{0x711,6},{0x712,7},{0x730,6},{0x74B,0},
    {0x74D,7},{0x7A6,6},{0x7B1,7},{0x7B2,0},{0x7C0,6},{0x7CA,7},{0x7EB,6},{0x7F4,7},{0x7F6,4},
    {0x7FA,7},{0x7FB,0},{0x7FD,6},{0x7FE,4},{0x800,7},{0x816,6},{0x81A,7},{0x81B,6},{0x824,7},
    {0x825,6},{0x828,7},{0x829,6},{0x82E,0},{0x830,4},{0x83F,0},{0x840,7},{0x859,6},{0x85C,0},
    {0x85E,4},{0x85F,0},{0x860,7},{0x86B,0},{0x870,7},{0x888,4},{0x889,7},{0x88F,0},{0x898,6},
    {0x8A0,7},{0x8CA,6},{0x8E2,0},{0x8E3,6},{0x904,7},{0x93A,6},{0x93D,7},{0x93E,6},{0x950,7},
    {0x951,6},{0x958,7},{0x962,6},{0x964,4},{0x966,6},{0x970,4},{0x971,7},{0x981,6},{0x984,0},
    {0x985,7},{0x98D,0},{0x98F,7},{0x991,0},{0x993,7},{0x9A9,0},{0x9AA,7},{0x9B1,0},{0x9B2,7},
    {0x9B3,0},{0x9B6,7},{0x9BA,0},{0x9BC,6},{0x9BD,7},{0x9BE,6},{0x9C5,0},{0x9C7,6},{0x9C9,0},
    {0x9CB,6},{0x9CE,7},{0x9CF,0},{0x9D7,6},{0x9D8,0},{0x9DC,7},{0x9DE,0},{0x9DF,7},{0x9E2,6},
    {0x9E4,0},{0x9E6,6},{0x9F0,7},{0x9F2,4},{0x9FC,7},{0x9FD,4},{0x9FE,6},{0x9FF,0},{0xA01,6},
    {0xA04,0},{0xA05,7},{0xA0B,0},{0xA0F,7},{0xA11,0},{0xA13,7},{0xA29,0},{0xA2A,7},{0xA31,0},
    {0xA32,7},{0xA34,0},{0xA35,7},{0xA37,0},{0xA38,7},{0xA3A,0},{0xA3C,6},{0xA3D,0},{0xA3E,6},
    {0xA43,0},{0xA47,6},{0xA49,0},{0xA4B,6},{0xA4E,0},{0xA51,6},{0xA52,0},{0xA59,7},{0xA5D,0},
    {0xA5E,7},{0xA5F,0},{0xA66,6},{0xA72,7},{0xA75,6},{0xA76,4},{0xA77,0},{0xA81,6},{0xA84,0},
    {0xA85,7},{0xA8E,0},{0xA8F,7},{0xA92,0},{0xA93,7},{0xAA9,0},{0xAAA,7},{0xAB1,0},{0xAB2,7},
    {0xAB4,0},{0xAB5,7},{0xABA,0},{0xABC,6},{0xABD,7},{0xABE,6},{0xAC6,0},{0xAC7,6},{0xACA,0},
    {0xACB,6},{0xACE,0},{0xAD0,7},{0xAD1,0},{0xAE0,7},{0xAE2,6},{0xAE4,0},{0xAE6,6},{0xAF0,4},
    {0xAF2,0},{0xAF9,7},{0xAFA,6},{0xB00,0},{0xB01,6},{0xB04,0},{0xB05,7},{0xB0D,0},{0xB0F,7},
    {0xB11,0},{0xB13,7},{0xB29,0},{0xB2A,7},{0xB31,0},{0xB32,7},{0xB34,0},{0xB35,7},{0xB3A,0},
    {0xB3C,6},{0xB3D,7},{0xB3E,6},{0xB45,0},{0xB47,6},{0xB49,0},{0xB4B,6},{0xB4E,0},{0xB55,6},
    {0xB58,0},{0xB5C,7},{0xB5E,0},{0xB5F,7},{0xB62,6},{0xB64,0},{0xB66,6},{0xB70,4},{0xB71,7},
    {0xB72,4},{0xB78,0},{0xB82,6},{0xB83,7},{0xB84,0},{0xB85,7},{0xB8B,0},{0xB8E,7},{0xB91,0},
    {0xB92,7},{0xB96,0},{0xB99,7},{0xB9B,0},{0xB9C,7},{0xB9D,0},{0xB9E,7},{0xBA0,0},{0xBA3,7},
    {0xBA5,0},{0xBA8,7},{0xBAB,0},{0xBAE,7},{0xBBA,0},{0xBBE,6},{0xBC3,0},{0xBC6,6},{0xBC9,0},
    {0xBCA,6},{0xBCE,0},{0xBD0,7},{0xBD1,0},{0xBD7,6},{0xBD8,0},{0xBE6,6},{0xBF0,4},{0xBFB,0},
    {0xC00,6},{0xC05,7},{0xC0D,0},{0xC0E,7},{0xC11,0},{0xC12,7},{0xC29,0},{0xC2A,7},{0xC3A,0},
    {0xC3C,6},{0xC3D,7},{0xC3E,6},{0xC45,0},{0xC46,6},{0xC49,0},{0xC4A,6},{0xC4E,0},{0xC55,6},
    {0xC57,0},{0xC58,7},{0xC5B,0},{0xC5D,7},{0xC5E,0},{0xC60,7},{0xC62,6},{0xC64,0},{0xC66,6},
    {0xC70,0},{0xC77,4},{0xC80,7},{0xC81,6},{0xC84,4},{0xC85,7},{0xC8D,0},{0xC8E,7},{0xC91,0},
    {0xC92,7},{0xCA9,0},{0xCAA,7},{0xCB4,0},{0xCB5,7},{0xCBA,0},{0xCBC,6},{0xCBD,7},{0xCBE,6},
    {0xCC5,0},{0xCC6,6},{0xCC9,0},{0xCCA,6},{0xCCE,0},{0xCD5,6},{0xCD7,0},{0xCDD,7},{0xCDF,0},
    {0xCE0,7},{0xCE2,6},{0xCE4,0},{0xCE6,6},{0xCF0,0},{0xCF1,7},{0xCF3,0},{0xD00,6},{0xD04,7},
    {0xD0D,0},{0xD0E,7},{0xD11,0},{0xD12,7},{0xD3B,6},{0xD3D,7},{0xD3E,6},{0xD45,0},{0xD46,6},
    {0xD49,0},{0xD4A,6},{0xD4E,7},{0xD4F,4},{0xD50,0},{0xD54,7},{0xD57,6},{0xD58,4},{0xD5F,7},
    {0xD62,6},{0xD64,0},{0xD66,6},{0xD70,4},{0xD7A,7},{0xD80,0},{0xD81,6},{0xD84,0},{0xD85,7},
    {0xD97,0},{0xD9A,7},{0xDB2,0},{0xDB3,7},{0xDBC,0},{0xDBD,7},{0xDBE,0},{0xDC0,7},{0xDC7,0},
    {0xDCA,6},{0xDCB,0},{0xDCF,6},{0xDD5,0},{0xDD6,6},{0xDD7,0},{0xDD8,6},{0xDE0,0},{0xDE6,6},
    {0xDF0,0},{0xDF2,6},{0xDF4,4},{0xDF5,0},{0xE01,7},{0xE31,6},{0xE32,7},{0xE33,6},{0xE3B,0},
    {0xE3F,4},{0xE40,7},{0xE47,6},{0xE4F,4},{0xE50,6},{0xE5A,4},{0xE5C,0},{0xE81,7},{0xE83,0},
    {0xE84,7},{0xE85,0},{0xE86,7},{0xE8B,0},{0xE8C,7},{0xEA4,0},{0xEA5,7},{0xEA6,0},{0xEA7,7},
    {0xEB1,6},{0xEB2,7},{0xEB3,6},{0xEBD,7},{0xEBE,0},{0xEC0,7},{0xEC5,0},{0xEC6,7},{0xEC7,0},
    {0xEC8,6},{0xECE,0},{0xED0,6},{0xEDA,0},{0xEDC,7},{0xEE0,0},{0xF00,7},{0xF01,4},{0xF18,6},
    {0xF1A,4},{0xF20,6},{0xF2A,4},{0xF35,6},{0xF36,4},{0xF37,6},{0xF38,4},{0xF39,6},{0xF3A,4},
    {0xF3E,6},{0xF40,7},{0xF48,0},{0xF49,7},{0xF6D,0},{0xF71,6},{0xF85,4},{0xF86,6},{0xF88,7},
    {0xF8D,6},{0xF98,0},{0xF99,6},{0xFBD,0},{0xFBE,4},{0xFC6,6},{0xFC7,4},{0xFCD,0},{0xFCE,4},
    {0xFDB,0},{0x1000,7},{0x102B,6},{0x103F,7},{0x1040,6},{0x104A,4},{0x1050,7},{0x1056,6},{0x105A,7},
    {0x105E,6},{0x1061,7},{0x1062,6},{0x1065,7},{0x1067,6},{0x106E,7},{0x1071,6},{0x1075,7},
    {0x1082,6},{0x108E,7},{0x108F,6},{0x109E,4},{0x10A0,7},{0x10C6,0},{0x10C7,7},{0x10C8,0},
    {0x10CD,7},{0x10CE,0},{0x10D0,7},{0x10FB,4},{0x10FC,7},{0x1249,0},{0x124A,7},{0x124E,0},
    {0x1250,7},{0x1257,0},{0x1258,7},{0x1259,0},{0x125A,7},{0x125E,0},{0x1260,7},{0x1289,0},
    {0x128A,7},{0x128E,0},{0x1290,7},{0x12B1,0},{0x12B2,7},{0x12B6,0},{0x12B8,7},{0x12BF,0},
    {0x12C0,7},{0x12C1,0},{0x12C2,7},{0x12C6,0},{0x12C8,7},{0x12D7,0},{0x12D8,7},{0x1311,0},
    {0x1312,7},{0x1316,0},{0x1318,7},{0x135B,0},{0x135D,6},{0x1360,4},{0x1369,6},{0x1372,4},
    {0x137D,0},{0x1380,7},{0x1390,4},{0x139A,0},{0x13A0,7},{0x13F6,0},{0x13F8,7},{0x13FE,0},
    {0x1400,4},{0x1401,7},{0x166D,4},{0x166F,7},{0x1680,0},{0x1681,7},{0x169B,4},{0x169D,0},
    {0x16A0,7},{0x16EB,4},{0x16EE,7},{0x16F9,0},{0x1700,7},{0x1712,6},{0x1716,0},{0x171F,7},
    {0x1732,6},{0x1735,4},{0x1737,0},{0x1740,7},{0x1752,6},{0x1754,0},{0x1760,7},{0x176D,0},
    {0x176E,7},{0x1771,0},{0x1772,6},{0x1774,0},{0x1780,7},{0x17B4,6},{0x17D4,4},{0x17D7,7},
    {0x17D8,4},{0x17DC,7},{0x17DD,6},{0x17DE,0},{0x17E0,6},{0x17EA,0},{0x17F0,4},{0x17FA,0},
    {0x1800,4},{0x180B,6},{0x180E,0},{0x180F,6},{0x181A,0},{0x1820,7},{0x1879,0},{0x1880,7},
    {0x18A9,6},{0x18AA,7},{0x18AB,0},{0x18B0,7},{0x18F6,0},{0x1900,7},{0x191F,0},{0x1920,6},
    {0x192C,0},{0x1930,6},{0x193C,0},{0x1940,4},{0x1941,0},{0x1944,4},{0x1946,6},{0x1950,7},
    {0x196E,0},{0x1970,7},{0x1975,0},{0x1980,7},{0x19AC,0},{0x19B0,7},{0x19CA,0},{0x19D0,6},
    {0x19DB,0},{0x19DE,4},{0x1A00,7},{0x1A17,6},{0x1A1C,0},{0x1A1E,4},{0x1A20,7},{0x1A55,6},
    {0x1A5F,0},{0x1A60,6},{0x1A7D,0},{0x1A7F,6},{0x1A8A,0},{0x1A90,6},{0x1A9A,0},{0x1AA0,4},
    {0x1AA7,7},{0x1AA8,4},{0x1AAE,0},{0x1AB0,6},{0x1ABE,4},{0x1ABF,6},{0x1ACF,0},{0x1B00,6},
    {0x1B05,7},{0x1B34,6},{0x1B45,7},{0x1B4D,0},{0x1B50,6},{0x1B5A,4},{0x1B6B,6},{0x1B74,4},
    {0x1B7F,0},{0x1B80,6},{0x1B83,7},{0x1BA1,6},{0x1BAE,7},{0x1BB0,6},{0x1BBA,7},{0x1BE6,6},
    {0x1BF4,0},{0x1BFC,4},{0x1C00,7},{0x1C24,6},{0x1C38,0},{0x1C3B,4},{0x1C40,6},{0x1C4A,0},
    {0x1C4D,7},{0x1C50,6},{0x1C5A,7},{0x1C7E,4},{0x1C80,7},{0x1C89,0},{0x1C90,7},{0x1CBB,0},
    {0x1CBD,7},{0x1CC0,4},{0x1CC8,0},{0x1CD0,6},{0x1CD3,4},{0x1CD4,6},{0x1CE9,7},{0x1CED,6},
    {0x1CEE,7},{0x1CF4,6},{0x1CF5,7},{0x1CF7,6},{0x1CFA,7},{0x1CFB,0},{0x1D00,7},{0x1DC0,6},
    {0x1E00,7},{0x1F16,0},{0x1F18,7},{0x1F1E,0},{0x1F20,7},{0x1F46,0},{0x1F48,7},{0x1F4E,0},
    {0x1F50,7},{0x1F58,0},{0x1F59,7},{0x1F5A,0},{0x1F5B,7},{0x1F5C,0},{0x1F5D,7},{0x1F5E,0},
    {0x1F5F,7},{0x1F7E,0},{0x1F80,7},{0x1FB5,0},{0x1FB6,7},{0x1FBD,4},{0x1FBE,7},{0x1FBF,4},
    {0x1FC2,7},{0x1FC5,0},{0x1FC6,7},{0x1FCD,4},{0x1FD0,7},{0x1FD4,0},{0x1FD6,7},{0x1FDC,0},
    {0x1FDD,4},{0x1FE0,7},{0x1FED,4},{0x1FF0,0},{0x1FF2,7},{0x1FF5,0},{0x1FF6,7},{0x1FFD,4},
    {0x1FFF,0},{0x2010,4},{0x2028,0},{0x2030,4},{0x203F,6},{0x2041,4},{0x2054,6},{0x2055,4},
    {0x205F,0},{0x2070,4},{0x2071,7},{0x2072,0},{0x2074,4},{0x207F,7},{0x2080,4},{0x208F,0},
    {0x2090,7},{0x209D,0},{0x20A0,4},{0x20C1,0},{0x20D0,6},{0x20DD,4},{0x20E1,6},{0x20E2,4},
    {0x20E5,6},{0x20F1,0},{0x2100,4},{0x2102,7},{0x2103,4},{0x2107,7},{0x2108,4},{0x210A,7},
    {0x2114,4},{0x2115,7},{0x2116,4},{0x2118,7},{0x211E,4},{0x2124,7},{0x2125,4},{0x2126,7},
    {0x2127,4},{0x2128,7},{0x2129,4},{0x212A,7},{0x213A,4},{0x213C,7},{0x2140,4},{0x2145,7},
    {0x214A,4},{0x214E,7},{0x214F,4},{0x2160,7},{0x2189,4},{0x218C,0},{0x2190,4},{0x2427,0},
    {0x2440,4},{0x244B,0},{0x2460,4},{0x2B74,0},{0x2B76,4},{0x2B96,0},{0x2B97,4},{0x2C00,7},
    {0x2CE5,4},{0x2CEB,7},{0x2CEF,6},{0x2CF2,7},{0x2CF4,0},{0x2CF9,4},{0x2D00,7},{0x2D26,0},
    {0x2D27,7},{0x2D28,0},{0x2D2D,7},{0x2D2E,0},{0x2D30,7},{0x2D68,0},{0x2D6F,7},{0x2D70,4},
    {0x2D71,0},{0x2D7F,6},{0x2D80,7},{0x2D97,0},{0x2DA0,7},{0x2DA7,0},{0x2DA8,7},{0x2DAF,0},
    {0x2DB0,7},{0x2DB7,0},{0x2DB8,7},{0x2DBF,0},{0x2DC0,7},{0x2DC7,0},{0x2DC8,7},{0x2DCF,0},
    {0x2DD0,7},{0x2DD7,0},{0x2DD8,7},{0x2DDF,0},{0x2DE0,6},{0x2E00,4},{0x2E5E,0},{0x2E80,4},
    {0x2E9A,0},{0x2E9B,4},{0x2EF4,0},{0x2F00,4},{0x2FD6,0},{0x2FF0,4},{0x2FFC,0},{0x3001,4},
    {0x3005,7},{0x3008,4},{0x3021,7},{0x302A,6},{0x3030,4},{0x3031,7},{0x3036,4},{0x3038,7},
    {0x303D,4},{0x3040,0},{0x3041,7},{0x3097,0},{0x3099,6},{0x309B,4},{0x309D,7},{0x30A0,4},
    {0x30A1,7},{0x30FB,4},{0x30FC,7},{0x3100,0},{0x3105,7},{0x3130,0},{0x3131,7},{0x318F,0},
    {0x3190,4},{0x31A0,7},{0x31C0,4},{0x31E4,0},{0x31F0,7},{0x3200,4},{0x321F,0},{0x3220,4},
    {0x3400,7},{0x4DC0,4},{0x4E00,7},{0xA48D,0},{0xA490,4},{0xA4C7,0},{0xA4D0,7},{0xA4FE,4},
    {0xA500,7},{0xA60D,4},{0xA610,7},{0xA620,6},{0xA62A,7},{0xA62C,0},{0xA640,7},{0xA66F,6},
    {0xA670,4},{0xA674,6},{0xA67E,4},{0xA67F,7},{0xA69E,6},{0xA6A0,7},{0xA6F0,6},{0xA6F2,4},
    {0xA6F8,0},{0xA700,4},{0xA717,7},{0xA720,4},{0xA722,7},{0xA789,4},{0xA78B,7},{0xA7CB,0},
    {0xA7D0,7},{0xA7D2,0},{0xA7D3,7},{0xA7D4,0},{0xA7D5,7},{0xA7DA,0},{0xA7F2,7},{0xA802,6},
    {0xA803,7},{0xA806,6},{0xA807,7},{0xA80B,6},{0xA80C,7},{0xA823,6},{0xA828,4},{0xA82C,6},
    {0xA82D,0},{0xA830,4},{0xA83A,0},{0xA840,7},{0xA874,4},{0xA878,0},{0xA880,6},{0xA882,7},
    {0xA8B4,6},{0xA8C6,0},{0xA8CE,4},{0xA8D0,6},{0xA8DA,0},{0xA8E0,6},{0xA8F2,7},{0xA8F8,4},
    {0xA8FB,7},{0xA8FC,4},{0xA8FD,7},{0xA8FF,6},{0xA90A,7},{0xA926,6},{0xA92E,4},{0xA930,7},
    {0xA947,6},{0xA954,0},{0xA95F,4},{0xA960,7},{0xA97D,0},{0xA980,6},{0xA984,7},{0xA9B3,6},
    {0xA9C1,4},{0xA9CE,0},{0xA9CF,7},{0xA9D0,6},{0xA9DA,0},{0xA9DE,4},{0xA9E0,7},{0xA9E5,6},
    {0xA9E6,7},{0xA9F0,6},{0xA9FA,7},{0xA9FF,0},{0xAA00,7},{0xAA29,6},{0xAA37,0},{0xAA40,7},
    {0xAA43,6},{0xAA44,7},{0xAA4C,6},{0xAA4E,0},{0xAA50,6},{0xAA5A,0},{0xAA5C,4},{0xAA60,7},
    {0xAA77,4},{0xAA7A,7},{0xAA7B,6},{0xAA7E,7},{0xAAB0,6},{0xAAB1,7},{0xAAB2,6},{0xAAB5,7},
    {0xAAB7,6},{0xAAB9,7},{0xAABE,6},{0xAAC0,7},{0xAAC1,6},{0xAAC2,7},{0xAAC3,0},{0xAADB,7},
    {0xAADE,4},{0xAAE0,7},{0xAAEB,6},{0xAAF0,4},{0xAAF2,7},{0xAAF5,6},{0xAAF7,0},{0xAB01,7},
    {0xAB07,0},{0xAB09,7},{0xAB0F,0},{0xAB11,7},{0xAB17,0},{0xAB20,7},{0xAB27,0},{0xAB28,7},
    {0xAB2F,0},{0xAB30,7},{0xAB5B,4},{0xAB5C,7},{0xAB6A,4},{0xAB6C,0},{0xAB70,7},{0xABE3,6},
    {0xABEB,4},{0xABEC,6},{0xABEE,0},{0xABF0,6},{0xABFA,0},{0xAC00,7},{0xD7A4,0},{0xD7B0,7},
    {0xD7C7,0},{0xD7CB,7},{0xD7FC,0},{0xF900,7},{0xFA6E,0},{0xFA70,7},{0xFADA,0},{0xFB00,7},
    {0xFB07,0},{0xFB13,7},{0xFB18,0},{0xFB1D,7},{0xFB1E,6},{0xFB1F,7},{0xFB29,4},{0xFB2A,7},
    {0xFB37,0},{0xFB38,7},{0xFB3D,0},{0xFB3E,7},{0xFB3F,0},{0xFB40,7},{0xFB42,0},{0xFB43,7},
    {0xFB45,0},{0xFB46,7},{0xFBB2,4},{0xFBC3,0},{0xFBD3,7},{0xFC5E,4},{0xFC64,7},{0xFD3E,4},
    {0xFD50,7},{0xFD90,0},{0xFD92,7},{0xFDC8,0},{0xFDCF,4},{0xFDD0,0},{0xFDF0,7},{0xFDFA,4},
    {0xFE00,6},{0xFE10,4},{0xFE1A,0},{0xFE20,6},{0xFE30,4},{0xFE33,6},{0xFE35,4},{0xFE4D,6},
    {0xFE50,4},{0xFE53,0},{0xFE54,4},{0xFE67,0},{0xFE68,4},{0xFE6C,0},{0xFE70,4},{0xFE71,7},
    {0xFE72,4},{0xFE73,7},{0xFE74,4},{0xFE75,0},{0xFE76,4},{0xFE77,7},{0xFE78,4},{0xFE79,7},
    {0xFE7A,4},{0xFE7B,7},{0xFE7C,4},{0xFE7D,7},{0xFE7E,4},{0xFE7F,7},{0xFEFD,0},{0xFF01,4},
    {0xFF10,6},{0xFF1A,4},{0xFF21,7},{0xFF3B,4},{0xFF3F,6},{0xFF40,4},{0xFF41,7},{0xFF5B,4},
    {0xFF66,7},{0xFF9E,6},{0xFFA0,7},{0xFFBF,0},{0xFFC2,7},{0xFFC8,0},{0xFFCA,7},{0xFFD0,0},
    {0xFFD2,7},{0xFFD8,0},{0xFFDA,7},{0xFFDD,0},{0xFFE0,4},{0xFFE7,0},{0xFFE8,4},{0xFFEF,0},
    {0xFFFC,4},{0xFFFE,0},{0x10000,7},{0x1000C,0},{0x1000D,7},{0x10027,0},{0x10028,7},{0x1003B,0},
    {0x1003C,7},{0x1003E,0},{0x1003F,7},{0x1004E,0},{0x10050,7},{0x1005E,0},{0x10080,7},{0x100FB,0},
    {0x10100,4},{0x10103,0},{0x10107,4},{0x10134,0},{0x10137,4},{0x10140,7},{0x10175,4},{0x1018F,0},
    {0x10190,4},{0x1019D,0},{0x101A0,4},{0x101A1,0},{0x101D0,4},{0x101FD,6},{0x101FE,0},{0x10280,7},
    {0x1029D,0},{0x102A0,7},{0x102D1,0},{0x102E0,6},{0x102E1,4},{0x102FC,0},{0x10300,7},{0x10320,4},
    {0x10324,0},{0x1032D,7},{0x1034B,0},{0x10350,7},{0x10376,6},{0x1037B,0},{0x10380,7},{0x1039E,0},
    {0x1039F,4},{0x103A0,7},{0x103C4,0},{0x103C8,7},{0x103D0,4},{0x103D1,7},{0x103D6,0},{0x10400,7},
    {0x1049E,0},{0x104A0,6},{0x104AA,0},{0x104B0,7},{0x104D4,0},{0x104D8,7},{0x104FC,0},{0x10500,7},
    {0x10528,0},{0x10530,7},{0x10564,0},{0x1056F,4},{0x10570,7},{0x1057B,0},{0x1057C,7},{0x1058B,0},
    {0x1058C,7},{0x10593,0},{0x10594,7},{0x10596,0},{0x10597,7},{0x105A2,0},{0x105A3,7},{0x105B2,0},
    {0x105B3,7},{0x105BA,0},{0x105BB,7},{0x105BD,0},{0x10600,7},{0x10737,0},{0x10740,7},{0x10756,0},
    {0x10760,7},{0x10768,0},{0x10780,7},{0x10786,0},{0x10787,7},{0x107B1,0},{0x107B2,7},{0x107BB,0},
    {0x10800,7},{0x10806,0},{0x10808,7},{0x10809,0},{0x1080A,7},{0x10836,0},{0x10837,7},{0x10839,0},
    {0x1083C,7},{0x1083D,0},{0x1083F,7},{0x10856,0},{0x10857,4},{0x10860,7},{0x10877,4},{0x10880,7},
    {0x1089F,0},{0x108A7,4},{0x108B0,0},{0x108E0,7},{0x108F3,0},{0x108F4,7},{0x108F6,0},{0x108FB,4},
    {0x10900,7},{0x10916,4},{0x1091C,0},{0x1091F,4},{0x10920,7},{0x1093A,0},{0x1093F,4},{0x10940,0},
    {0x10980,7},{0x109B8,0},{0x109BC,4},{0x109BE,7},{0x109C0,4},{0x109D0,0},{0x109D2,4},{0x10A00,7},
    {0x10A01,6},{0x10A04,0},{0x10A05,6},{0x10A07,0},{0x10A0C,6},{0x10A10,7},{0x10A14,0},{0x10A15,7},
    {0x10A18,0},{0x10A19,7},{0x10A36,0},{0x10A38,6},{0x10A3B,0},{0x10A3F,6},{0x10A40,4},{0x10A49,0},
    {0x10A50,4},{0x10A59,0},{0x10A60,7},{0x10A7D,4},{0x10A80,7},{0x10A9D,4},{0x10AA0,0},{0x10AC0,7},
    {0x10AC8,4},{0x10AC9,7},{0x10AE5,6},{0x10AE7,0},{0x10AEB,4},{0x10AF7,0},{0x10B00,7},{0x10B36,0},
    {0x10B39,4},{0x10B40,7},{0x10B56,0},{0x10B58,4},{0x10B60,7},{0x10B73,0},{0x10B78,4},{0x10B80,7},
    {0x10B92,0},{0x10B99,4},{0x10B9D,0},{0x10BA9,4},{0x10BB0,0},{0x10C00,7},{0x10C49,0},{0x10C80,7},
    {0x10CB3,0},{0x10CC0,7},{0x10CF3,0},{0x10CFA,4},{0x10D00,7},{0x10D24,6},{0x10D28,0},{0x10D30,6},
    {0x10D3A,0},{0x10E60,4},{0x10E7F,0},{0x10E80,7},{0x10EAA,0},{0x10EAB,6},{0x10EAD,4},{0x10EAE,0},
    {0x10EB0,7},{0x10EB2,0},{0x10F00,7},{0x10F1D,4},{0x10F27,7},{0x10F28,0},{0x10F30,7},{0x10F46,6},
    {0x10F51,4},{0x10F5A,0},{0x10F70,7},{0x10F82,6},{0x10F86,4},{0x10F8A,0},{0x10FB0,7},{0x10FC5,4},
    {0x10FCC,0},{0x10FE0,7},{0x10FF7,0},{0x11000,6},{0x11003,7},{0x11038,6},{0x11047,4},{0x1104E,0},
    {0x11052,4},{0x11066,6},{0x11071,7},{0x11073,6},{0x11075,7},{0x11076,0},{0x1107F,6},{0x11083,7},
    {0x110B0,6},{0x110BB,4},{0x110BD,0},{0x110BE,4},{0x110C2,6},{0x110C3,0},{0x110D0,7},{0x110E9,0},
    {0x110F0,6},{0x110FA,0},{0x11100,6},{0x11103,7},{0x11127,6},{0x11135,0},{0x11136,6},{0x11140,4},
    {0x11144,7},{0x11145,6},{0x11147,7},{0x11148,0},{0x11150,7},{0x11173,6},{0x11174,4},{0x11176,7},
    {0x11177,0},{0x11180,6},{0x11183,7},{0x111B3,6},{0x111C1,7},{0x111C5,4},{0x111C9,6},{0x111CD,4},
    {0x111CE,6},{0x111DA,7},{0x111DB,4},{0x111DC,7},{0x111DD,4},{0x111E0,0},{0x111E1,4},{0x111F5,0},
    {0x11200,7},{0x11212,0},{0x11213,7},{0x1122C,6},{0x11238,4},{0x1123E,6},{0x1123F,0},{0x11280,7},
    {0x11287,0},{0x11288,7},{0x11289,0},{0x1128A,7},{0x1128E,0},{0x1128F,7},{0x1129E,0},{0x1129F,7},
    {0x112A9,4},{0x112AA,0},{0x112B0,7},{0x112DF,6},{0x112EB,0},{0x112F0,6},{0x112FA,0},{0x11300,6},
    {0x11304,0},{0x11305,7},{0x1130D,0},{0x1130F,7},{0x11311,0},{0x11313,7},{0x11329,0},{0x1132A,7},
    {0x11331,0},{0x11332,7},{0x11334,0},{0x11335,7},{0x1133A,0},{0x1133B,6},{0x1133D,7},{0x1133E,6},
    {0x11345,0},{0x11347,6},{0x11349,0},{0x1134B,6},{0x1134E,0},{0x11350,7},{0x11351,0},{0x11357,6},
    {0x11358,0},{0x1135D,7},{0x11362,6},{0x11364,0},{0x11366,6},{0x1136D,0},{0x11370,6},{0x11375,0},
    {0x11400,7},{0x11435,6},{0x11447,7},{0x1144B,4},{0x11450,6},{0x1145A,4},{0x1145C,0},{0x1145D,4},
    {0x1145E,6},{0x1145F,7},{0x11462,0},{0x11480,7},{0x114B0,6},{0x114C4,7},{0x114C6,4},{0x114C7,7},
    {0x114C8,0},{0x114D0,6},{0x114DA,0},{0x11580,7},{0x115AF,6},{0x115B6,0},{0x115B8,6},{0x115C1,4},
    {0x115D8,7},{0x115DC,6},{0x115DE,0},{0x11600,7},{0x11630,6},{0x11641,4},{0x11644,7},{0x11645,0},
    {0x11650,6},{0x1165A,0},{0x11660,4},{0x1166D,0},{0x11680,7},{0x116AB,6},{0x116B8,7},{0x116B9,4},
    {0x116BA,0},{0x116C0,6},{0x116CA,0},{0x11700,7},{0x1171B,0},{0x1171D,6},{0x1172C,0},{0x11730,6},
    {0x1173A,4},{0x11740,7},{0x11747,0},{0x11800,7},{0x1182C,6},{0x1183B,4},{0x1183C,0},{0x118A0,7},
    {0x118E0,6},{0x118EA,4},{0x118F3,0},{0x118FF,7},{0x11907,0},{0x11909,7},{0x1190A,0},{0x1190C,7},
    {0x11914,0},{0x11915,7},{0x11917,0},{0x11918,7},{0x11930,6},{0x11936,0},{0x11937,6},{0x11939,0},
    {0x1193B,6},{0x1193F,7},{0x11940,6},{0x11941,7},{0x11942,6},{0x11944,4},{0x11947,0},{0x11950,6},
    {0x1195A,0},{0x119A0,7},{0x119A8,0},{0x119AA,7},{0x119D1,6},{0x119D8,0},{0x119DA,6},{0x119E1,7},
    {0x119E2,4},{0x119E3,7},{0x119E4,6},{0x119E5,0},{0x11A00,7},{0x11A01,6},{0x11A0B,7},{0x11A33,6},
    {0x11A3A,7},{0x11A3B,6},{0x11A3F,4},{0x11A47,6},{0x11A48,0},{0x11A50,7},{0x11A51,6},{0x11A5C,7},
    {0x11A8A,6},{0x11A9A,4},{0x11A9D,7},{0x11A9E,4},{0x11AA3,0},{0x11AB0,7},{0x11AF9,0},{0x11C00,7},
    {0x11C09,0},{0x11C0A,7},{0x11C2F,6},{0x11C37,0},{0x11C38,6},{0x11C40,7},{0x11C41,4},{0x11C46,0},
    {0x11C50,6},{0x11C5A,4},{0x11C6D,0},{0x11C70,4},{0x11C72,7},{0x11C90,0},{0x11C92,6},{0x11CA8,0},
    {0x11CA9,6},{0x11CB7,0},{0x11D00,7},{0x11D07,0},{0x11D08,7},{0x11D0A,0},{0x11D0B,7},{0x11D31,6},
    {0x11D37,0},{0x11D3A,6},{0x11D3B,0},{0x11D3C,6},{0x11D3E,0},{0x11D3F,6},{0x11D46,7},{0x11D47,6},
    {0x11D48,0},{0x11D50,6},{0x11D5A,0},{0x11D60,7},{0x11D66,0},{0x11D67,7},{0x11D69,0},{0x11D6A,7},
    {0x11D8A,6},{0x11D8F,0},{0x11D90,6},{0x11D92,0},{0x11D93,6},{0x11D98,7},{0x11D99,0},{0x11DA0,6},
    {0x11DAA,0},{0x11EE0,7},{0x11EF3,6},{0x11EF7,4},{0x11EF9,0},{0x11FB0,7},{0x11FB1,0},{0x11FC0,4},
    {0x11FF2,0},{0x11FFF,4},{0x12000,7},{0x1239A,0},{0x12400,7},{0x1246F,0},{0x12470,4},{0x12475,0},
    {0x12480,7},{0x12544,0},{0x12F90,7},{0x12FF1,4},{0x12FF3,0},{0x13000,7},{0x1342F,0},{0x14400,7},
    {0x14647,0},{0x16800,7},{0x16A39,0},{0x16A40,7},{0x16A5F,0},{0x16A60,6},{0x16A6A,0},{0x16A6E,4},
    {0x16A70,7},{0x16ABF,0},{0x16AC0,6},{0x16ACA,0},{0x16AD0,7},{0x16AEE,0},{0x16AF0,6},{0x16AF5,4},
    {0x16AF6,0},{0x16B00,7},{0x16B30,6},{0x16B37,4},{0x16B40,7},{0x16B44,4},{0x16B46,0},{0x16B50,6},
    {0x16B5A,0},{0x16B5B,4},{0x16B62,0},{0x16B63,7},{0x16B78,0},{0x16B7D,7},{0x16B90,0},{0x16E40,7},
    {0x16E80,4},{0x16E9B,0},{0x16F00,7},{0x16F4B,0},{0x16F4F,6},{0x16F50,7},{0x16F51,6},{0x16F88,0},
    {0x16F8F,6},{0x16F93,7},{0x16FA0,0},{0x16FE0,7},{0x16FE2,4},{0x16FE3,7},{0x16FE4,6},{0x16FE5,0},
    {0x16FF0,6},{0x16FF2,0},{0x17000,7},{0x187F8,0},{0x18800,7},{0x18CD6,0},{0x18D00,7},{0x18D09,0},
    {0x1AFF0,7},{0x1AFF4,0},{0x1AFF5,7},{0x1AFFC,0},{0x1AFFD,7},{0x1AFFF,0},{0x1B000,7},{0x1B123,0},
    {0x1B150,7},{0x1B153,0},{0x1B164,7},{0x1B168,0},{0x1B170,7},{0x1B2FC,0},{0x1BC00,7},{0x1BC6B,0},
    {0x1BC70,7},{0x1BC7D,0},{0x1BC80,7},{0x1BC89,0},{0x1BC90,7},{0x1BC9A,0},{0x1BC9C,4},{0x1BC9D,6},
    {0x1BC9F,4},{0x1BCA0,0},{0x1CF00,6},{0x1CF2E,0},{0x1CF30,6},{0x1CF47,0},{0x1CF50,4},{0x1CFC4,0},
    {0x1D000,4},{0x1D0F6,0},{0x1D100,4},{0x1D127,0},{0x1D129,4},{0x1D165,6},{0x1D16A,4},{0x1D16D,6},
    {0x1D173,0},{0x1D17B,6},{0x1D183,4},{0x1D185,6},{0x1D18C,4},{0x1D1AA,6},{0x1D1AE,4},{0x1D1EB,0},
    {0x1D200,4},{0x1D242,6},{0x1D245,4},{0x1D246,0},{0x1D2E0,4},{0x1D2F4,0},{0x1D300,4},{0x1D357,0},
    {0x1D360,4},{0x1D379,0},{0x1D400,7},{0x1D455,0},{0x1D456,7},{0x1D49D,0},{0x1D49E,7},{0x1D4A0,0},
    {0x1D4A2,7},{0x1D4A3,0},{0x1D4A5,7},{0x1D4A7,0},{0x1D4A9,7},{0x1D4AD,0},{0x1D4AE,7},{0x1D4BA,0},
    {0x1D4BB,7},{0x1D4BC,0},{0x1D4BD,7},{0x1D4C4,0},{0x1D4C5,7},{0x1D506,0},{0x1D507,7},{0x1D50B,0},
    {0x1D50D,7},{0x1D515,0},{0x1D516,7},{0x1D51D,0},{0x1D51E,7},{0x1D53A,0},{0x1D53B,7},{0x1D53F,0},
    {0x1D540,7},{0x1D545,0},{0x1D546,7},{0x1D547,0},{0x1D54A,7},{0x1D551,0},{0x1D552,7},{0x1D6A6,0},
    {0x1D6A8,7},{0x1D6C1,4},{0x1D6C2,7},{0x1D6DB,4},{0x1D6DC,7},{0x1D6FB,4},{0x1D6FC,7},{0x1D715,4},
    {0x1D716,7},{0x1D735,4},{0x1D736,7},{0x1D74F,4},{0x1D750,7},{0x1D76F,4},{0x1D770,7},{0x1D789,4},
    {0x1D78A,7},{0x1D7A9,4},{0x1D7AA,7},{0x1D7C3,4},{0x1D7C4,7},{0x1D7CC,0},{0x1D7CE,6},{0x1D800,4},
    {0x1DA00,6},{0x1DA37,4},{0x1DA3B,6},{0x1DA6D,4},{0x1DA75,6},{0x1DA76,4},{0x1DA84,6},{0x1DA85,4},
    {0x1DA8C,0},{0x1DA9B,6},{0x1DAA0,0},{0x1DAA1,6},{0x1DAB0,0},{0x1DF00,7},{0x1DF1F,0},{0x1E000,6},
    {0x1E007,0},{0x1E008,6},{0x1E019,0},{0x1E01B,6},{0x1E022,0},{0x1E023,6},{0x1E025,0},{0x1E026,6},
    {0x1E02B,0},{0x1E100,7},{0x1E12D,0},{0x1E130,6},{0x1E137,7},{0x1E13E,0},{0x1E140,6},{0x1E14A,0},
    {0x1E14E,7},{0x1E14F,4},{0x1E150,0},{0x1E290,7},{0x1E2AE,6},{0x1E2AF,0},{0x1E2C0,7},{0x1E2EC,6},
    {0x1E2FA,0},{0x1E2FF,4},{0x1E300,0},{0x1E7E0,7},{0x1E7E7,0},{0x1E7E8,7},{0x1E7EC,0},{0x1E7ED,7},
    {0x1E7EF,0},{0x1E7F0,7},{0x1E7FF,0},{0x1E800,7},{0x1E8C5,0},{0x1E8C7,4},{0x1E8D0,6},{0x1E8D7,0},
    {0x1E900,7},{0x1E944,6},{0x1E94B,7},{0x1E94C,0},{0x1E950,6},{0x1E95A,0},{0x1E95E,4},{0x1E960,0},
    {0x1EC71,4},{0x1ECB5,0},{0x1ED01,4},{0x1ED3E,0},{0x1EE00,7},{0x1EE04,0},{0x1EE05,7},{0x1EE20,0},
    {0x1EE21,7},{0x1EE23,0},{0x1EE24,7},{0x1EE25,0},{0x1EE27,7},{0x1EE28,0},{0x1EE29,7},{0x1EE33,0},
    {0x1EE34,7},{0x1EE38,0},{0x1EE39,7},{0x1EE3A,0},{0x1EE3B,7},{0x1EE3C,0},{0x1EE42,7},{0x1EE43,0},
    {0x1EE47,7},{0x1EE48,0},{0x1EE49,7},{0x1EE4A,0},{0x1EE4B,7},{0x1EE4C,0},{0x1EE4D,7},{0x1EE50,0},
    {0x1EE51,7},{0x1EE53,0},{0x1EE54,7},{0x1EE55,0},{0x1EE57,7},{0x1EE58,0},{0x1EE59,7},{0x1EE5A,0},
    {0x1EE5B,7},{0x1EE5C,0},{0x1EE5D,7},{0x1EE5E,0},{0x1EE5F,7},{0x1EE60,0},{0x1EE61,7},{0x1EE63,0},
    {0x1EE64,7},{0x1EE65,0},{0x1EE67,7},{0x1EE6B,0},{0x1EE6C,7},{0x1EE73,0},{0x1EE74,7},{0x1EE78,0},
    {0x1EE79,7},{0x1EE7D,0},{0x1EE7E,7},{0x1EE7F,0},{0x1EE80,7},{0x1EE8A,0},{0x1EE8B,7},{0x1EE9C,0},
    {0x1EEA1,7},{0x1EEA4,0},{0x1EEA5,7},{0x1EEAA,0},{0x1EEAB,7},{0x1EEBC,0},{0x1EEF0,4},{0x1EEF2,0},
    {0x1F000,4},{0x1F02C,0},{0x1F030,4},{0x1F094,0},{0x1F0A0,4},{0x1F0AF,0},{0x1F0B1,4},{0x1F0C0,0},
    {0x1F0C1,4},{0x1F0D0,0},{0x1F0D1,4},{0x1F0F6,0},{0x1F100,4},{0x1F1AE,0},{0x1F1E6,4},{0x1F203,0},
    {0x1F210,4},{0x1F23C,0},{0x1F240,4},{0x1F249,0},{0x1F250,4},{0x1F252,0},{0x1F260,4},{0x1F266,0},
    {0x1F300,4},{0x1F6D8,0},{0x1F6DD,4},{0x1F6ED,0},{0x1F6F0,4},{0x1F6FD,0},{0x1F700,4},{0x1F774,0},
    {0x1F780,4},{0x1F7D9,0},{0x1F7E0,4},{0x1F7EC,0},{0x1F7F0,4},{0x1F7F1,0},{0x1F800,4},{0x1F80C,0},
    {0x1F810,4},{0x1F848,0},{0x1F850,4},{0x1F85A,0},{0x1F860,4},{0x1F888,0},{0x1F890,4},{0x1F8AE,0},
    {0x1F8B0,4},{0x1F8B2,0},{0x1F900,4},{0x1FA54,0},{0x1FA60,4},{0x1FA6E,0},{0x1FA70,4},{0x1FA75,0},
    {0x1FA78,4},{0x1FA7D,0},{0x1FA80,4},{0x1FA87,0},{0x1FA90,4},{0x1FAAD,0},{0x1FAB0,4},{0x1FABB,0},
    {0x1FAC0,4},{0x1FAC6,0},{0x1FAD0,4},{0x1FADA,0},{0x1FAE0,4},{0x1FAE8,0},{0x1FAF0,4},{0x1FAF7,0},
    {0x1FB00,4},{0x1FB93,0},{0x1FB94,4},{0x1FBCB,0},{0x1FBF0,6},{0x1FBFA,0},{0x20000,7},{0x2A6E0,0},
    {0x2A700,7},{0x2B739,0},{0x2B740,7},{0x2B81E,0},{0x2B820,7},{0x2CEA2,0},{0x2CEB0,7},{0x2EBE1,0},
    {0x2F800,7},{0x2FA1E,0},{0x30000,7},{0x3134B,0},{0xE0100,6},{0xE01F0,0},
};
constexpr uint8_t kIdStart = 1, kIdContinue = 2, kPrintable = 4;

uint8_t unicode_flags(uint32_t cp) {
  auto it = std::upper_bound(std::begin(kUnicodeRuns), std::end(kUnicodeRuns), cp,
                             [](uint32_t value, const UnicodeRun& run) { return value < run.first; });
  return it == std::begin(kUnicodeRuns) ? 0 : std::prev(it)->flags;
}

bool is_ascii_printable(int c) { return c >= 0x20 && c < 0x7f; }

struct KeywordEntry {
  std::string_view text;
  KeywordKind keyword;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", KeywordKind::False_}, {"None", KeywordKind::None_},   {"True", KeywordKind::True_},
    {"and", KeywordKind::And},      {"as", KeywordKind::As},         {"assert", KeywordKind::Assert},
    {"async", KeywordKind::Async},  {"await", KeywordKind::Await},   {"break", KeywordKind::Break},
    {"class", KeywordKind::Class},  {"continue", KeywordKind::Continue}, {"def", KeywordKind::Def},
    {"del", KeywordKind::Del},      {"elif", KeywordKind::Elif},     {"else", KeywordKind::Else},
    {"except", KeywordKind::Except}, {"finally", KeywordKind::Finally}, {"for", KeywordKind::For},
    {"from", KeywordKind::From},    {"global", KeywordKind::Global}, {"if", KeywordKind::If},
    {"import", KeywordKind::Import}, {"in", KeywordKind::In},        {"is", KeywordKind::Is},
    {"lambda", KeywordKind::Lambda}, {"nonlocal", KeywordKind::Nonlocal}, {"not", KeywordKind::Not},
    {"or", KeywordKind::Or},        {"pass", KeywordKind::Pass},     {"raise", KeywordKind::Raise},
    {"return", KeywordKind::Return}, {"try", KeywordKind::Try},      {"while", KeywordKind::While},
    {"with", KeywordKind::With},    {"yield", KeywordKind::Yield},
};

KeywordKind keyword_of(std::string_view name) {
  if (name.size() < 2 || name.size() > 8) return KeywordKind::None;
  char first = name[0];
  if (!((first >= 'a' && first <= 'y') || first == 'F' || first == 'N' || first == 'T')) return KeywordKind::None;
  for (const auto& entry : kKeywords) {
    if (entry.text[0] == first && entry.text == name) return entry.keyword;
  }
  return KeywordKind::None;
}

struct OpEntry {
  std::string_view text;
  OpKind op;
};
// Longest first, so the first match is the one CPython's tokenizer picks. ("..." and "." are
// handled with numbers.)
constexpr OpEntry kOperators[] = {
    {"**=", OpKind::DoubleStarEqual}, {"//=", OpKind::DoubleSlashEqual},
    {"<<=", OpKind::LeftShiftEqual}, {">>=", OpKind::RightShiftEqual},
    {"!=", OpKind::NotEqual}, {"%=", OpKind::PercentEqual}, {"&=", OpKind::AmperEqual},
    {"**", OpKind::DoubleStar}, {"*=", OpKind::StarEqual}, {"+=", OpKind::PlusEqual},
    {"-=", OpKind::MinEqual}, {"->", OpKind::RArrow}, {"//", OpKind::DoubleSlash},
    {"/=", OpKind::SlashEqual}, {":=", OpKind::ColonEqual}, {"<<", OpKind::LeftShift},
    {"<=", OpKind::LessEqual}, {"<>", OpKind::NotEqual}, {"==", OpKind::EqEqual},
    {">=", OpKind::GreaterEqual}, {">>", OpKind::RightShift}, {"@=", OpKind::AtEqual},
    {"^=", OpKind::CircumflexEqual}, {"|=", OpKind::VBarEqual},
    {"%", OpKind::Percent}, {"&", OpKind::Amper}, {"(", OpKind::LPar}, {")", OpKind::RPar},
    {"*", OpKind::Star}, {"+", OpKind::Plus}, {",", OpKind::Comma}, {"-", OpKind::Minus},
    {".", OpKind::Dot}, {"/", OpKind::Slash}, {":", OpKind::Colon}, {";", OpKind::Semi},
    {"<", OpKind::Less}, {"=", OpKind::Equal}, {">", OpKind::Greater}, {"@", OpKind::At},
    {"[", OpKind::LSqb}, {"]", OpKind::RSqb}, {"^", OpKind::Circumflex}, {"{", OpKind::LBrace},
    {"|", OpKind::VBar}, {"}", OpKind::RBrace}, {"~", OpKind::Tilde},
};

bool is_identifier_start_byte(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_identifier_byte(int c) { return is_identifier_start_byte(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Decodes one UTF-8 sequence starting at `s[i]` (the source is validated beforehand).
uint32_t decode_utf8(std::string_view s, size_t i, size_t* length) {
  auto byte = static_cast<unsigned char>(s[i]);
  int extra = byte < 0x80 ? 0 : byte < 0xE0 ? 1 : byte < 0xF0 ? 2 : 3;
  uint32_t cp = extra == 0 ? byte : byte & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *length = static_cast<size_t>(extra) + 1;
  return cp;
}

int count_chars(std::string_view bytes) {
  int n = 0;
  for (char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// The text of line `line` of the stream's own source (1-based), without its newline.
std::string_view relative_line_text(const TokenStream& stream, int line) {
  if (line < 1 || line > static_cast<int>(stream.line_starts.size())) return {};
  size_t start = static_cast<size_t>(stream.line_starts[line - 1]);
  size_t end = stream.source.find('\n', start);
  if (end == std::string::npos) end = stream.source.size();
  return std::string_view(stream.source).substr(start, end - start);
}

std::string hex_code_point(uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04X", cp);
  return buffer;
}

// Byte offset of the first invalid UTF-8 sequence, or npos; `reason` gets CPython's wording.
size_t find_invalid_utf8(std::string_view s, const char** reason) {
  size_t i = 0;
  while (i < s.size()) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    int extra = (byte >= 0xC2 && byte < 0xE0) ? 1 : (byte >= 0xE0 && byte < 0xF0) ? 2
              : (byte >= 0xF0 && byte < 0xF5) ? 3 : -1;
    if (extra < 0) {
      *reason = "invalid start byte";
      return i;
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= s.size()) {
        *reason = "unexpected end of data";
        return i;
      }
      auto next = static_cast<unsigned char>(s[i + k]);
      bool ok = (next & 0xC0) == 0x80;
      if (k == 1 && byte == 0xE0) ok = ok && next >= 0xA0;
      if (k == 1 && byte == 0xED) ok = ok && next < 0xA0;
      if (k == 1 && byte == 0xF0) ok = ok && next >= 0x90;
      if (k == 1 && byte == 0xF4) ok = ok && next < 0x90;
      if (!ok) {
        *reason = "invalid continuation byte";
        return i;
      }
    }
    i += static_cast<size_t>(extra) + 1;
  }
  return std::string_view::npos;
}

class Lexer {
 public:
  Lexer(TokenStream& out, const std::string& filename) : out_(out), src_(out.source), filename_(filename) {}

  void run() {
    if (!check_encoding()) return;
    while (next_token()) {
    }
  }

 private:
  struct OpenBracket {
    char ch;
    int line;
    int col;
  };

  // ---- character access (mirrors tok_nextc / tok_backup) ----
  int nextc() {
    if (cur_ >= src_.size()) {
      cur_ = src_.size() + 1;  // reading past the end, like CPython, leaves cur beyond the text
      return kEof;
    }
    return static_cast<unsigned char>(src_[cur_++]);
  }
  void backup(int c) {
    if (c != kEof || cur_ > src_.size()) --cur_;
  }
  size_t clamp(size_t offset) const { return std::min(offset, src_.size()); }

  // Tokens are mostly located in order, so the last answer is the usual starting point.
  int line_of(size_t offset) const {
    const std::vector<int>& starts = out_.line_starts;
    auto target = static_cast<int>(offset);
    size_t line = cached_line_;
    if (starts[line - 1] > target) {
      line = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), target) - starts.begin());
    } else {
      while (line < starts.size() && starts[line] <= target) ++line;
    }
    cached_line_ = line;
    return static_cast<int>(line);
  }
  size_t line_start(int line) const { return static_cast<size_t>(out_.line_starts[line - 1]); }
  // The line CPython's tokenizer is on while `cur_` sits at `offset`: a newline just consumed
  // still belongs to its own line.
  int current_line(size_t offset) const {
    if (src_.empty()) return 1;
    return line_of(offset == 0 ? 0 : clamp(offset) - 1);
  }

  // ---- token emission ----
  void emit(TokenType type, size_t start, size_t end, OpKind op = OpKind::None) {
    Token token;
    token.type = type;
    token.op = op;
    token.level = static_cast<int>(brackets_.size());
    token.line = line_of(start);
    token.col = static_cast<int>(start - line_start(token.line));
    token.end_line = current_line(end);
    if (end > start && type != TokenType::Newline) {
      token.end_col = static_cast<int>(end - line_start(token.end_line));
    } else {
      token.end_line = token.line;
      token.end_col = type == TokenType::Newline ? static_cast<int>(end - line_start(token.line)) : token.col;
    }
    token.text = std::string_view(src_).substr(start, end - start);
    if (type == TokenType::Name) token.keyword = keyword_of(token.text);
    out_.tokens.push_back(token);
  }
  // INDENT/DEDENT/ENDMARKER: no extent; CPython locates errors on them from the tokenizer state.
  void emit_positionless(TokenType type) {
    Token token;
    token.type = type;
    token.level = static_cast<int>(brackets_.size());
    int line = src_.empty() ? 0 : line_of(clamp(cur_));  // CPython has read no line yet
    token.line = token.end_line = line;
    token.col = token.end_col = -1;
    token.error_col = line == 0 ? 0 : static_cast<int>(clamp(cur_) - line_start(line));
    out_.tokens.push_back(token);
  }

  // ---- errors ----
  void fail(LexError error) {
    Token token;
    token.type = TokenType::Error;
    token.line = token.end_line = error.info.line;
    token.level = static_cast<int>(brackets_.size());
    out_.tokens.push_back(token);
    out_.error = std::move(error);
  }
  SyntaxErrorInfo make_info(const char* type, std::string message, int line) const {
    SyntaxErrorInfo info;
    info.type = type;
    info.message = std::move(message);
    info.filename = filename_;
    info.line = info.end_line = line;
    info.text = std::string(relative_line_text(out_, line));
    return info;
  }
  // CPython's syntaxerror(): the offset counts the characters from the line start to `at`.
  bool syntax_error(std::string message, size_t at) {
    int line = current_line(at);
    SyntaxErrorInfo info = make_info("SyntaxError", std::move(message), line);
    size_t start = line_start(line);
    info.col = info.end_col = count_chars(std::string_view(src_).substr(start, clamp(at) - start));
    fail(LexError{std::move(info), true, 0});
    return false;
  }
  // CPython's syntaxerror_known_range(): explicit byte columns.
  bool syntax_error_range(std::string message, int line, int col, int end_col) {
    SyntaxErrorInfo info = make_info("SyntaxError", std::move(message), line);
    info.col = col;
    info.end_col = end_col;
    fail(LexError{std::move(info), true, 0});
    return false;
  }
  // Errors the parser reports when it reaches them (tokenizer_error() in pegen).
  bool deferred_error(const char* type, std::string message, int line, int offset, int end_offset,
                      bool offset_in_bytes) {
    SyntaxErrorInfo info = make_info(type, std::move(message), line);
    info.col = offset_in_bytes ? char_offset(info.text, offset) : offset;
    info.end_col = end_offset;
    fail(LexError{std::move(info), false, 0});
    return false;
  }
  // The byte offset CPython computes from `cur - line_start` at the current position.
  int cur_offset_in_line(int line) const { return static_cast<int>(clamp(cur_) - line_start(line)); }

  bool check_encoding() {
    if (src_.find('\0') != std::string::npos) {
      SyntaxErrorInfo info;
      info.type = "SyntaxError";
      info.message = "source code string cannot contain null bytes";
      info.filename = filename_;
      Token token;
      token.type = TokenType::Error;
      out_.tokens.push_back(token);
      out_.error = LexError{std::move(info), true, 0};
      return false;
    }
    const char* reason = nullptr;
    size_t bad = find_invalid_utf8(src_, &reason);
    if (bad == std::string_view::npos) return true;
    int line = line_of(bad);
    size_t start = line_start(line);
    char message[160];
    std::snprintf(message, sizeof message,
                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                  static_cast<unsigned char>(src_[bad]), bad - start, reason);
    SyntaxErrorInfo info = make_info("SyntaxError", message, line);
    info.col = count_chars(std::string_view(src_).substr(start, bad - start)) + 1;
    info.end_col = -1;
    fail(LexError{std::move(info), true, 0});
    return false;
  }

  // After a backslash: must be a newline; returns the first character of the next line.
  bool continuation_line(int* c) {
    *c = nextc();
    if (*c != '\n') {
      int line = current_line(cur_);
      // CPython: col_offset = cur - line_start - 1, reported 1-based.
      return deferred_error("SyntaxError", "unexpected character after line continuation character",
                            line, cur_offset_in_line(line), 0, true);
    }
    *c = nextc();
    if (*c == kEof) {
      cur_ = src_.size();
      return eof_error();
    }
    backup(*c);
    return true;
  }

  bool eof_error() {
    if (!brackets_.empty()) {
      const OpenBracket& open = brackets_.back();
      SyntaxErrorInfo info = make_info("SyntaxError", std::string("'") + open.ch + "' was never closed", open.line);
      info.col = char_offset(info.text, open.col + 1);
      info.end_col = 0;
      fail(LexError{std::move(info), false, open.line});
      return false;
    }
    int line = current_line(cur_);
    return deferred_error("SyntaxError", "unexpected EOF while parsing", line,
                          cur_offset_in_line(line) , -1, true);
  }

  // Indentation at the beginning of a logical line; false on error.
  bool read_indentation(bool* blankline) {
    int col = 0, altcol = 0, cont_line_col = 0;
    int c;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        ++col;
        ++altcol;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        ++altcol;
      } else if (c == '\f') {
        col = altcol = 0;
      } else if (c == '\\') {
        cont_line_col = cont_line_col ? cont_line_col : col;
        if (!continuation_line(&c)) return false;
      } else {
        break;
      }
    }
    backup(c);
    *blankline = (c == '#' || c == '\n');
    if (*blankline || !brackets_.empty()) return true;
    if (cont_line_col) col = altcol = cont_line_col;
    int line = line_of(clamp(cur_));
    if (col == indents_.back()) {
      if (altcol != alt_indents_.back()) return tab_error(line);
    } else if (col > indents_.back()) {
      if (static_cast<int>(indents_.size()) >= kMaxIndent) {
        return deferred_error("IndentationError", "too many levels of indentation", line, 1, 0, false);
      }
      if (altcol <= alt_indents_.back()) return tab_error(line);
      ++pending_;
      indents_.push_back(col);
      alt_indents_.push_back(altcol);
    } else {
      while (indents_.size() > 1 && col < indents_.back()) {
        --pending_;
        indents_.pop_back();
        alt_indents_.pop_back();
      }
      if (col != indents_.back()) {
        // CPython moves to the end of the line before reporting.
        size_t end = src_.find('\n', cur_);
        int offset = static_cast<int>((end == std::string::npos ? src_.size() : end + 1) - line_start(line));
        return deferred_error("IndentationError", "unindent does not match any outer indentation level",
                              line, offset, -1, true);
      }
      if (altcol != alt_indents_.back()) return tab_error(line);
    }
    return true;
  }
  bool tab_error(int line) {
    return deferred_error("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, 0, false);
  }

  // Emits one token (or an error); false once the stream is complete.
  bool next_token() {
    bool blankline = false;
    for (;;) {  // nextline
      blankline = false;
      if (at_line_start_) {
        at_line_start_ = false;
        if (!read_indentation(&blankline)) return false;
      }
      if (pending_ != 0) {
        if (pending_ < 0) {
          ++pending_;
          emit_positionless(TokenType::Dedent);
        } else {
          --pending_;
          emit_positionless(TokenType::Indent);
        }
        return true;
      }
      int c;
      for (;;) {  // again
        do {
          c = nextc();
        } while (c == ' ' || c == '\t' || c == '\f');
        size_t start = cur_ - 1;
        if (c == '#') {
          while (c != kEof && c != '\n') c = nextc();
        }
        if (c == kEof) {
          cur_ = src_.size();
          if (!brackets_.empty()) return eof_error();
          emit_positionless(TokenType::EndMarker);
          return false;
        }
        if (is_identifier_start_byte(c)) return identifier_or_string(c, start);
        if (c == '\n') {
          at_line_start_ = true;
          if (blankline || !brackets_.empty()) break;  // goto nextline
          emit(TokenType::Newline, start, cur_ - 1);
          return true;
        }
        if (c == '.') {
          int d = nextc();
          if (is_digit(d)) return number_fraction(start, d);
          backup(d);
          if (d == '.' && src_.compare(cur_, 2, "..") == 0) {
            cur_ += 2;
            emit(TokenType::Op, start, cur_, OpKind::Ellipsis);
            return true;
          }
          emit(TokenType::Op, start, cur_, OpKind::Dot);
          return true;
        }
        if (is_digit(c)) return number(c, start);
        if (c == '"' || c == '\'') return string(c, start);
        if (c == '\\') {
          if (!continuation_line(&c)) return false;
          continue;  // goto again
        }
        return operator_token(c, start);
      }
    }
  }

  bool identifier_or_string(int c, size_t start) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      int lower = c | 0x20;
      if (!(saw_b || saw_u || saw_f) && lower == 'b') {
        saw_b = true;
      } else if (!(saw_b || saw_u || saw_r || saw_f) && lower == 'u') {
        saw_u = true;
      } else if (!(saw_r || saw_u) && lower == 'r') {
        saw_r = true;
      } else if (!(saw_f || saw_b || saw_u) && lower == 'f') {
        saw_f = true;
      } else {
        break;
      }
      c = nextc();
      if (c == '"' || c == '\'') return string(c, start);
    }
    bool nonascii = false;
    while (is_identifier_byte(c)) {
      if (c >= 128) nonascii = true;
      c = nextc();
    }
    backup(c);
    if (nonascii && !verify_identifier(start)) return false;
    emit(TokenType::Name, start, cur_);
    return true;
  }

  bool verify_identifier(size_t start) {
    std::string_view name = std::string_view(src_).substr(start, cur_ - start);
    size_t i = 0;
    bool first = true;
    while (i < name.size()) {
      size_t length;
      uint32_t cp = decode_utf8(name, i, &length);
      bool ok = cp < 128 ? (first ? is_identifier_start_byte(static_cast<int>(cp)) : is_identifier_byte(static_cast<int>(cp)))
                         : (unicode_flags(cp) & (first ? kIdStart : kIdContinue)) != 0;
      if (!ok) {
        if (i + length < name.size()) cur_ = start + i + length;
        bool printable = is_printable_code_point(cp);
        std::string message = printable ? "invalid character '" + std::string(name.substr(i, length)) +
                                              "' (U+" + hex_code_point(cp) + ")"
                                        : "invalid non-printable character U+" + hex_code_point(cp);
        return syntax_error(std::move(message), cur_);
      }
      first = false;
      i += length;
    }
    return true;
  }

  // CPython's verify_end_of_number(): a number glued to a name is an error, except before the
  // keywords that can legally follow a number (`1if x else y`).
  bool verify_end_of_number(int c, const char* kind) {
    auto followed_by = [&](std::string_view rest) {
      if (src_.compare(std::min(cur_, src_.size()), rest.size(), rest) != 0) return false;
      size_t after = cur_ + rest.size();
      return after >= src_.size() || !is_identifier_byte(static_cast<unsigned char>(src_[after]));
    };
    bool keyword_follows = false;
    switch (c) {
      case 'a': keyword_follows = followed_by("nd"); break;
      case 'e': keyword_follows = followed_by("lse"); break;
      case 'f': keyword_follows = followed_by("or"); break;
      case 'o': keyword_follows = followed_by("r"); break;
      case 'n': keyword_follows = followed_by("ot"); break;
      case 'i': {
        int next = cur_ < src_.size() ? static_cast<unsigned char>(src_[cur_]) : kEof;
        keyword_follows = next == 'f' || next == 'n' || next == 's';
        break;
      }
      default: break;
    }
    if (!keyword_follows && c != kEof && is_identifier_byte(c)) {
      backup(c);
      return syntax_error(std::string("invalid ") + kind + " literal", cur_);
    }
    return true;
  }

  // Digits with single underscores between them; returns the first character after, or 0 on error.
  int decimal_tail() {
    int c;
    for (;;) {
      do {
        c = nextc();
      } while (is_digit(c));
      if (c != '_') break;
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        syntax_error("invalid decimal literal", cur_);
        return 0;
      }
    }
    return c;
  }

  bool finish_number(size_t start, int c) {
    backup(c);
    emit(TokenType::Number, start, cur_);
    return true;
  }

  bool radix_number(size_t start, int c, int base, const char* kind) {
    auto in_base = [base](int ch) {
      return base == 16 ? is_hex_digit(ch) : (ch >= '0' && ch < '0' + base);
    };
    c = nextc();
    do {
      if (c == '_') c = nextc();
      if (!in_base(c)) {
        if (base != 16 && is_digit(c)) {
          return syntax_error("invalid digit '" + std::string(1, static_cast<char>(c)) + "' in " + kind + " literal", cur_);
        }
        backup(c);
        return syntax_error(std::string("invalid ") + kind + " literal", cur_);
      }
      do {
        c = nextc();
      } while (in_base(c));
    } while (c == '_');
    if (base != 16 && is_digit(c)) {
      return syntax_error("invalid digit '" + std::string(1, static_cast<char>(c)) + "' in " + kind + " literal", cur_);
    }
    if (!verify_end_of_number(c, kind)) return false;
    return finish_number(start, c);
  }

  bool number(int c, size_t start) {
    if (c == '0') {
      c = nextc();
      int lower = c | 0x20;
      if (c != kEof && lower == 'x') return radix_number(start, c, 16, "hexadecimal");
      if (c != kEof && lower == 'o') return radix_number(start, c, 8, "octal");
      if (c != kEof && lower == 'b') return radix_number(start, c, 2, "binary");
      bool nonzero = false;
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return syntax_error("invalid decimal literal", cur_);
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      size_t zeros_end = cur_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == 0) return false;
      }
      if (c == '.') return number_fraction(start, nextc());
      if (c == 'e' || c == 'E') return number_exponent(start, c);
      if (c == 'j' || c == 'J') return number_imaginary(start);
      if (nonzero) {
        backup(c);
        int line = line_of(start);
        size_t line_begin = line_start(line);
        return syntax_error_range(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            line, static_cast<int>(start + 1 - line_begin), static_cast<int>(zeros_end - line_begin));
      }
      if (!verify_end_of_number(c, "decimal")) return false;
      return finish_number(start, c);
    }
    c = decimal_tail();
    if (c == 0) return false;
    if (c == '.') return number_fraction(start, nextc());
    return number_after_fraction(start, c);
  }

  bool number_fraction(size_t start, int c) {
    if (is_digit(c)) {
      c = decimal_tail();
      if (c == 0) return false;
    }
    return number_after_fraction(start, c);
  }

  bool number_after_fraction(size_t start, int c) {
    if (c == 'e' || c == 'E') return number_exponent(start, c);
    if (c == 'j' || c == 'J') return number_imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return false;
    return finish_number(start, c);
  }

  bool number_exponent(size_t start, int e) {
    int c = nextc();
    if (c == '+' || c == '-') {
      c = nextc();
      if (!is_digit(c)) {
        backup(c);
        return syntax_error("invalid decimal literal", cur_);
      }
    } else if (!is_digit(c)) {
      backup(c);
      if (!verify_end_of_number(e, "decimal")) return false;
      backup(e);
      emit(TokenType::Number, start, cur_);
      return true;
    }
    c = decimal_tail();
    if (c == 0) return false;
    if (c == 'j' || c == 'J') return number_imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return false;
    return finish_number(start, c);
  }

  bool number_imaginary(size_t start) {
    int c = nextc();
    if (!verify_end_of_number(c, "imaginary")) return false;
    return finish_number(start, c);
  }

  bool string(int quote, size_t start) {
    int first_line = line_of(start);
    int quote_size = 1, end_quote_size = 0;
    int c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote) {
        quote_size = 3;
      } else {
        end_quote_size = 1;  // empty string
      }
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
      c = nextc();
      if (c == kEof || (quote_size == 1 && c == '\n')) {
        int detected_at = current_line(c == kEof ? src_.size() : cur_);
        SyntaxErrorInfo info = make_info(
            "SyntaxError",
            std::string(quote_size == 3 ? "unterminated triple-quoted string literal" : "unterminated string literal") +
                " (detected at line " + std::to_string(detected_at) + ")",
            first_line);
        size_t line_begin = line_start(first_line);
        info.col = info.end_col = count_chars(std::string_view(src_).substr(line_begin, start + 1 - line_begin));
        fail(LexError{std::move(info), true, 0});
        return false;
      }
      if (c == quote) {
        ++end_quote_size;
      } else {
        end_quote_size = 0;
        if (c == '\\') nextc();
      }
    }
    emit(TokenType::String, start, cur_);
    return true;
  }

  bool operator_token(int c, size_t start) {
    if (c >= 128 || !(is_ascii_printable(c))) {
      // Only control characters get here (bytes >= 128 start identifiers).
      return syntax_error("invalid non-printable character U+" + hex_code_point(static_cast<uint32_t>(c)), cur_);
    }
    std::string_view rest = std::string_view(src_).substr(start, 3);
    OpKind op = OpKind::Unknown;
    size_t length = 1;
    for (const auto& entry : kOperators) {
      if (entry.text[0] == rest[0] && rest.substr(0, entry.text.size()) == entry.text) {
        op = entry.op;
        length = entry.text.size();
        break;
      }
    }
    cur_ = start + length;
    switch (op) {
      case OpKind::LPar:
      case OpKind::LSqb:
      case OpKind::LBrace: {
        if (static_cast<int>(brackets_.size()) >= kMaxBracketLevel) {
          return syntax_error("too many nested parentheses", cur_);
        }
        int line = line_of(start);
        brackets_.push_back(OpenBracket{static_cast<char>(c), line, static_cast<int>(start - line_start(line))});
        break;
      }
      case OpKind::RPar:
      case OpKind::RSqb:
      case OpKind::RBrace: {
        if (brackets_.empty()) {
          return syntax_error(std::string("unmatched '") + static_cast<char>(c) + "'", cur_);
        }
        OpenBracket open = brackets_.back();
        brackets_.pop_back();
        bool matches = (open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') || (open.ch == '{' && c == '}');
        if (!matches) {
          std::string message = std::string("closing parenthesis '") + static_cast<char>(c) +
                                "' does not match opening parenthesis '" + open.ch + "'";
          if (open.line != line_of(start)) message += " on line " + std::to_string(open.line);
          return syntax_error(std::move(message), cur_);
        }
        break;
      }
      default:
        break;
    }
    emit(TokenType::Op, start, cur_, op);
    return true;
  }

  TokenStream& out_;
  const std::string& src_;
  const std::string& filename_;
  size_t cur_ = 0;
  mutable size_t cached_line_ = 1;
  bool at_line_start_ = true;
  int pending_ = 0;  // >0: INDENTs to emit, <0: DEDENTs
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
};

std::string normalize(std::string_view source) {
  if (source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  std::string text;
  text.reserve(source.size() + 1);
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      text.push_back('\n');
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      text.push_back(c);
    }
  }
  if (!text.empty() && text.back() != '\n') text.push_back('\n');
  return text;
}

// Places the tokens and error of a stream lexed on its own inside an enclosing file.
void shift_positions(TokenStream& out) {
  int line_shift = out.first_line - 1;
  for (Token& token : out.tokens) {
    if (token.line == 1 && token.col >= 0) token.col += out.first_col;
    if (token.end_line == 1 && token.end_col >= 0) token.end_col += out.first_col;
    token.line += line_shift;
    token.end_line += line_shift;
  }
  if (out.error) {
    out.error->info.line += line_shift;
    out.error->info.end_line += line_shift;
    if (out.error->open_bracket_line) out.error->open_bracket_line += line_shift;
  }
}

}  // namespace

std::string_view TokenStream::line_text(int line) const { return relative_line_text(*this, line - first_line + 1); }

bool is_printable_code_point(uint32_t cp) {
  return cp < 128 ? is_ascii_printable(static_cast<int>(cp)) : (unicode_flags(cp) & kPrintable) != 0;
}

int char_offset(std::string_view line_text, int byte_offset) {
  if (byte_offset <= 0) return byte_offset;
  // CPython decodes the first `byte_offset` bytes of the line (newline and terminator included).
  int limit = static_cast<int>(line_text.size()) + 2;
  int bytes = std::min(byte_offset, limit);
  int within = std::min(bytes, static_cast<int>(line_text.size()));
  return count_chars(line_text.substr(0, static_cast<size_t>(within))) + (bytes - within);
}

TokenStream tokenize(std::string_view source, const std::string& filename, int first_line, int first_col) {
  TokenStream out;
  out.first_line = first_line;
  out.first_col = first_col;
  out.source = normalize(source);
  out.line_starts.push_back(0);
  for (size_t i = 0; i + 1 < out.source.size(); ++i) {
    if (out.source[i] == '\n') out.line_starts.push_back(static_cast<int>(i + 1));
  }
  out.tokens.reserve(out.source.size() / 3 + 4);
  Lexer(out, filename).run();
  if (first_line != 1 || first_col != 0) shift_positions(out);
  return out;
}

}  // namespace chaipy
