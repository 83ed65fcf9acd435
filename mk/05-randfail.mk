# The failing-random harness (issue 11): one LD_PRELOAD shim, shared by every
# binding's test target, that makes getrandom()/getentropy() fail with EIO
# while a file exists (tests/random-failure/randfail.c). Each binding's check
# creates the file, expects its language's `random` error and a live process,
# removes it and mints again.
RANDFAIL_DIR := $(ROOT)/tests/random-failure
RANDFAIL_OUT := $(ROOT)/target/randfail
RANDFAIL_SO := $(RANDFAIL_OUT)/randfail.so
# Prefix for a check command; the switch file is per target and starts absent.
RANDFAIL_ENV = rm -f $(RANDFAIL_OUT)/armed-$@ && LD_PRELOAD=$(RANDFAIL_SO) AGORATOKEN_RANDFAIL_FILE=$(RANDFAIL_OUT)/armed-$@

$(RANDFAIL_SO): $(RANDFAIL_DIR)/randfail.c
	@mkdir -p $(RANDFAIL_OUT)
	cc -shared -fPIC -O2 -Wall -Wextra -Werror $< -o $@ -ldl
