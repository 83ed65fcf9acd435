// agoratoken/AccessToken.h: Agora's C++ AccessToken.h under its own name, for code written
// against Agora's AgoraDynamicKey/cpp/src: change its include line from
// "../src/AccessToken.h" to <agoratoken/AccessToken.h> and link -lagoratoken. Every class of
// that header (and of the others) is in agora_token.hpp, namespace
// agora::tools, thin over the C library; the differences are listed in
// token-cpp/README.md ("Differences from Agora's builders").
//
// As Agora's headers, this one brings <zlib.h> when it is installed: code
// written against them calls crc32() without including it (link -lz then).
#ifndef AGORATOKEN_REFERENCE_ACCESSTOKEN_H
#define AGORATOKEN_REFERENCE_ACCESSTOKEN_H

#if defined(__has_include)
#if __has_include(<zlib.h>)
#include <zlib.h>
#endif
#endif

#include "../agora_token.hpp"

#endif
