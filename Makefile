# sun4m - a cycle-approximate SPARCstation 5 simulator.
# One non-recursive Makefile.  `make run` and `make check` install what is
# missing (tools/deps.sh), build and run.
#
#   make            build build/sun4m
#   make check      unit tests, ROM tests (diffed against qemu-system-sparc)
#   make run        boot the default guest on this terminal
#   make bench      speed against qemu-system-sparc
#   SANITIZE=1      build and test with ASan+UBSan (binary build/san/sun4m)
#   CI=true         warnings are errors
#   SWITCH_DISPATCH=1  the CPU dispatches through a switch instead of
#                   GCC's computed goto (cpu/sparc.c)
#   NO_JIT=1        no block translation (cpu/jit.c): the interpreter
#                   alone, as on a host that is not x86-64 (at run time:
#                   build/sun4m --no-jit)
#   make profile    where host time goes (tools/profile; PROFILE="rom
#                   memcpy", "openbios" or "linux", default "rom intloop")

CC       ?= gcc
BUILD    := build
OPT      ?= -O3
CFLAGS   := -std=c11 -D_GNU_SOURCE $(OPT) -g -Wall -Wextra -Wshadow \
            -Wno-unused-parameter -MMD -MP -I.
LDLIBS   := -lslirp -lz -lm -laio -lSDL2 -lpng
ifeq ($(CI),true)
CFLAGS   += -Werror
endif
ifeq ($(WERROR),1)
CFLAGS   += -Werror
endif
ifeq ($(SANITIZE),1)
OBJDIR   := $(BUILD)/san
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
else
OBJDIR   := $(BUILD)/obj
endif
SIM      := $(if $(filter 1,$(SANITIZE)),$(BUILD)/san/sun4m,$(BUILD)/sun4m)
ifeq ($(SWITCH_DISPATCH),1)
CFLAGS   += -DSPARC_SWITCH_DISPATCH
endif
ifeq ($(NO_JIT),1)
CFLAGS   += -DSPARC_NO_JIT
endif

# Rooms by kind, lowest layer first (hw/README.md, tools/check-layers.sh)
LIB_SRCS := $(wildcard hw/core/*.c) $(wildcard hw/host/*.c) \
            $(wildcard cpu/*.c) $(wildcard dma/*.c) $(wildcard net/*.c) \
            $(wildcard hw/scsi/*.c) $(wildcard hw/chips/*.c) \
            $(wildcard hw/board/*.c)
LIB_OBJS := $(patsubst %.c,$(OBJDIR)/%.o,$(LIB_SRCS))
LIB      := $(OBJDIR)/libsun4m.a

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(OBJDIR)/tests/%,$(UNIT_SRCS))

.PHONY: all deps check check-unit check-cli check-guest run bench profile clean check-headers
all: $(SIM)

deps:
	@tools/deps.sh

$(OBJDIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

ifneq ($(SWITCH_DISPATCH),1)
# one indirect jump per CPU handler: without this GCC merges the copies
# of the dispatch tail back into one
$(OBJDIR)/cpu/sparc.o: CFLAGS += -fno-crossjumping
endif
# the CPU is rebuilt when SWITCH_DISPATCH or NO_JIT changes
CPU_STAMP := $(OBJDIR)/cpu/.build-$(if $(filter 1,$(SWITCH_DISPATCH)),switch,threaded)-jit-$(if $(filter 1,$(NO_JIT)),off,on)
$(CPU_STAMP):
	@mkdir -p $(@D)
	@rm -f $(OBJDIR)/cpu/.build-* $(OBJDIR)/cpu/.dispatch-* $(OBJDIR)/cpu/.jit-*
	@touch $@
$(OBJDIR)/cpu/sparc.o $(OBJDIR)/cpu/jit.o: $(CPU_STAMP)

$(LIB): $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(SIM): $(OBJDIR)/main.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(OBJDIR)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIB) -lcunit $(LDLIBS)

# every header compiles on its own; includes follow the layers
check-headers:
	@for h in cpu/*.h hw/*/*.h dma/*.h net/*.h; do \
	    echo "#include \"$$h\"" | \
	        $(CC) $(filter-out -MMD -MP,$(CFLAGS)) -fsyntax-only -x c - \
	        || exit 1; \
	done; echo "headers: all self-contained"
	@tools/check-layers.sh

include firmware/bench/Makefile.inc
include firmware/boot/Makefile.inc
include firmware/prom/Makefile.inc
all: $(PROM_IMAGES)
include firmware/promtest/Makefile.inc

ROM_TESTS := fpu fpu2 mmu
include tests/rom/Makefile.inc
build/rom/fpu.o build/rom/fpu2.o build/rom/mmu.o: tests/rom/fpmmu.inc
ROM_SIM := $(SIM)

check-unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do echo "== $$t"; \
	    $$t || { echo "== FAILED: $$t"; fail=$$((fail + 1)); }; \
	done; echo "unit: $(words $(UNIT_BINS)) programs, $$fail failed"; \
	[ $$fail -eq 0 ]

check-cli: $(SIM) build/rom/alu.bin
	@tests/cli/test-cli.sh $(SIM)

# Boot tests: OpenBIOS to its prompt, Linux (tools/mkguest) to a shell,
# Linux with disks and CDs, Linux on the network; our own PROM (-bios
# builtin): its calls, its device tree, and the Linux tests once more
check-guest: $(SIM) build/promtest/client.elf $(PROM_IMAGES)
	@tests/guest/openbios.sh $(SIM)
	@tests/guest/terminal.py $(SIM)
	@tests/guest/linux.sh $(SIM)
	@tests/guest/disk.sh $(SIM)
	@tests/guest/boot.sh $(SIM)
	@tests/guest/promtest.sh $(SIM)
	@tests/guest/net.sh $(SIM)
	@tests/guest/display.sh $(SIM)
	@tests/guest/prom.sh $(SIM)
	@SUN4M_BIOS=builtin tests/guest/linux.sh $(SIM)
	@SUN4M_BIOS=builtin tests/guest/disk.sh $(SIM)
	@SUN4M_BIOS=builtin tests/guest/net.sh $(SIM)

# The tests never open a window on the desk: the display tests start
# their own Xvfb
check: export DISPLAY :=
check: export WAYLAND_DISPLAY :=
check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-headers
	@$(MAKE) --no-print-directory check-unit
	@$(MAKE) --no-print-directory check-cli
	@$(MAKE) --no-print-directory check-rom
	@$(MAKE) --no-print-directory check-bench
	@$(MAKE) --no-print-directory check-guest

# Boot the default guest (Linux + busybox, built by tools/mkguest): in a
# window with its console on the screen where a display exists ($DISPLAY or
# $WAYLAND_DISPLAY), else on this terminal; `poweroff -f` in the guest
# ends the run (closing the window presses its Power key; twice quits).
run: deps
	@$(MAKE) --no-print-directory all
	@eval "$$(tools/mkguest)" && \
	if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	    $(SIM) -M SS-5 -m 128 -display sdl -kernel "$$KERNEL" \
	        -initrd "$$INITRD" -append "console=tty0"; \
	else \
	    $(SIM) -M SS-5 -m 128 -nographic -kernel "$$KERNEL" \
	        -initrd "$$INITRD" -append "console=ttyS0"; \
	fi

bench: deps
	@$(MAKE) --no-print-directory all roms-bench
	@tools/bench.sh $(SIM)

profile: deps
	@$(MAKE) --no-print-directory all roms-bench
	@SIM=$(SIM) tools/profile $(or $(PROFILE),rom intloop)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
