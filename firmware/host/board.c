/* A simulated Uno for the host engine: the svm_plat_* board functions of vm-spec/platform.ts.
 * Same model as tools/engines/node-board.ts (keep the two in step):
 * - Time is virtual: delays advance a microsecond counter and return at once, so a host run of
 *   BLINK takes no real time. SVIMPY_REALTIME=1 sleeps for real (time is then the real time).
 * - Each pin has a mode, a port level (PORTx bit: output level, or pull-up on an input) and a
 *   PWM duty. A change of the port level or of PWM is logged, with the time, as simavr sees it:
 *   `<ms, %10.3f> ms  D13 -> 1`, `...  D9 -> pwm 128`; when PWM stops the level line always
 *   follows. The log goes to the file named by SVIMPY_PIN_LOG ("-": stderr), else nowhere.
 * - Reads: an output pin reads its port level; an input pin the level given in SVIMPY_PINS
 *   ("2=0,7=1", Uno numbers), else 1 with the pull-up on, else 0. analogRead gives the raw value
 *   in SVIMPY_ADC ("14=512,15=1023"), else 0.
 * - SVIMPY_DURATION_MS=N ends the run (exit 0, output flushed) when a delay reaches N ms.
 * - Ctrl-C (SIGINT) makes the VM raise KeyboardInterrupt (a second one ends the process);
 *   SVIMPY_CTRL_C_MS=N sends one at virtual time N ms (for tests). */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "svimpy.h"

#define PINS 20
#define NEVER UINT64_MAX

static bool ready;
static bool realtime;
static uint64_t now_us;     /* virtual time */
static uint64_t duration_us = NEVER;
static uint64_t ctrl_c_us = NEVER;
static struct timespec start;
static FILE *pin_log;
static volatile sig_atomic_t interrupt_flag;
static pid_t parent; /* svimpy run: when it is gone, so is the reason to run */

static uint8_t mode[PINS], port[PINS], pwm[PINS];
static int16_t level_in[PINS]; /* configured input level, -1: none */
static uint16_t adc[PINS];

static const uint8_t pwm_pins[] = { 3, 5, 6, 9, 10, 11 };

static void on_sigint(int sig) {
  if (interrupt_flag) signal(sig, SIG_DFL), raise(sig); /* not taken up: stop for real */
  interrupt_flag = 1;
}

/* "2=0,14=512": value per pin number. */
static void parse_list(const char *name, int16_t *levels, uint16_t *values) {
  const char *s = getenv(name);
  while (s && *s) {
    char *end;
    long pin = strtol(s, &end, 10);
    if (*end != '=' || pin < 0 || pin >= PINS) break;
    long v = strtol(end + 1, &end, 10);
    if (levels) levels[pin] = (int16_t)(v != 0);
    if (values) values[pin] = (uint16_t)(v < 0 ? 0 : v > 1023 ? 1023 : v);
    s = *end == ',' ? end + 1 : end;
  }
}

static uint64_t env_ms(const char *name) {
  const char *s = getenv(name);
  return s && *s ? (uint64_t)strtoull(s, NULL, 10) * 1000u : NEVER;
}

static void board_init(void) {
  if (ready) return;
  ready = true;
  for (int i = 0; i < PINS; i++) level_in[i] = -1;
  parse_list("SVIMPY_PINS", level_in, NULL);
  parse_list("SVIMPY_ADC", NULL, adc);
  duration_us = env_ms("SVIMPY_DURATION_MS");
  ctrl_c_us = env_ms("SVIMPY_CTRL_C_MS");
  const char *r = getenv("SVIMPY_REALTIME");
  realtime = r && *r && strcmp(r, "0") != 0;
  const char *log = getenv("SVIMPY_PIN_LOG");
  if (log && strcmp(log, "-") == 0) {
    pin_log = stderr;
  } else if (log && *log) {
    pin_log = fopen(log, "w");
    if (!pin_log) perror(log);
    else setvbuf(pin_log, NULL, _IOLBF, 0);
  }
  clock_gettime(CLOCK_MONOTONIC, &start);
  signal(SIGINT, on_sigint);
  parent = getppid();
}

static uint64_t time_us(void) {
  board_init();
  if (!realtime) return now_us;
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)(t.tv_sec - start.tv_sec) * 1000000u + (uint64_t)((t.tv_nsec - start.tv_nsec) / 1000);
}

static void log_pin(uint8_t pin, const char *what, unsigned value) {
  if (!pin_log) return;
  uint64_t t = time_us();
  fprintf(pin_log, "%6llu.%03u ms  %c%u -> %s%u\n", (unsigned long long)(t / 1000), (unsigned)(t % 1000),
          pin >= 14 ? 'A' : 'D', pin >= 14 ? pin - 14 : pin, what, value);
}

static void set_port(uint8_t pin, uint8_t level) {
  if (pwm[pin]) {
    pwm[pin] = 0; /* the timer lets go of the pin: its level is logged again */
  } else if (port[pin] == level) {
    return;
  }
  port[pin] = level;
  log_pin(pin, "", level);
}

void svm_plat_pinMode(uint8_t pin, uint8_t m) {
  board_init();
  if (pin >= PINS) return;
  mode[pin] = m;
  if (m != 1 && !pwm[pin]) set_port(pin, m == 2); /* input: PORTx is the pull-up */
}

void svm_plat_pinWrite(uint8_t pin, uint8_t value) {
  board_init();
  if (pin < PINS) set_port(pin, value != 0);
}

uint8_t svm_plat_pinRead(uint8_t pin) {
  board_init();
  if (pin >= PINS) return 0;
  if (mode[pin] == 1 || level_in[pin] < 0) return port[pin];
  return (uint8_t)level_in[pin];
}

uint16_t svm_plat_analogRead(uint8_t pin) {
  board_init();
  return pin >= 14 && pin < PINS ? adc[pin] : 0;
}

void svm_plat_pwmWrite(uint8_t pin, uint8_t duty) {
  board_init();
  if (pin >= PINS) return;
  mode[pin] = 1;
  bool has_pwm = memchr(pwm_pins, pin, sizeof pwm_pins) != NULL;
  if (!has_pwm || duty == 0 || duty == 255) {
    set_port(pin, duty >= 128);
  } else if (pwm[pin] != duty) {
    pwm[pin] = duty;
    log_pin(pin, "pwm ", duty);
  }
}

uint32_t svm_plat_millis(void) {
  return (uint32_t)(time_us() / 1000);
}

uint32_t svm_plat_micros(void) {
  return (uint32_t)time_us();
}

static void stop_at_duration(void) {
  fflush(stdout);
  if (pin_log) fflush(pin_log);
  exit(0);
}

/* Virtual time: jumps to the end (or to a Ctrl-C / the duration on the way). */
static bool wait_virtual(uint64_t us) {
  if (getppid() != parent) stop_at_duration(); /* orphaned (a forever loop in virtual time) */
  uint64_t end = now_us + us;
  if (ctrl_c_us != NEVER && ctrl_c_us <= end && ctrl_c_us >= now_us) {
    now_us = ctrl_c_us;
    ctrl_c_us = NEVER;
    return true;
  }
  if (end >= duration_us) {
    now_us = duration_us;
    stop_at_duration();
  }
  now_us = end;
  return false;
}

static bool wait_real(uint64_t us) {
  uint64_t end = time_us() + us;
  for (;;) {
    if (interrupt_flag) {
      interrupt_flag = 0;
      return true;
    }
    uint64_t t = time_us();
    if (t >= duration_us) stop_at_duration();
    if (t >= end) return false;
    uint64_t step = end - t < 10000 ? end - t : 10000; /* wake up for Ctrl-C */
    struct timespec ts = { (time_t)(step / 1000000u), (long)(step % 1000000u) * 1000 };
    nanosleep(&ts, NULL);
  }
}

bool svm_plat_delayUs(uint32_t us) {
  board_init();
  if (interrupt_flag) {
    interrupt_flag = 0;
    return true;
  }
  return realtime ? wait_real(us) : wait_virtual(us);
}

bool svm_plat_interruptPending(void) {
  board_init();
  if (!realtime && ctrl_c_us != NEVER && now_us >= ctrl_c_us) {
    ctrl_c_us = NEVER;
    return true;
  }
  if (!interrupt_flag) return false;
  interrupt_flag = 0;
  return true;
}
