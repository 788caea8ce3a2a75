#include "realtime.h"

#include <time.h>

#define CHECK_EVERY_CYCLES 16000

static avr_cycle_count_t next_check;
static struct timespec start;
static int started;

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void realtime_pace(avr_t *avr)
{
	if (!started) {
		clock_gettime(CLOCK_MONOTONIC, &start);
		started = 1;
	}
	if (avr->cycle < next_check)
		return;
	next_check = avr->cycle + CHECK_EVERY_CYCLES;
	double ahead = (double)avr->cycle / avr->frequency - seconds_since(&start);
	if (ahead > 0.001) {
		struct timespec nap = { (time_t)ahead, (long)((ahead - (time_t)ahead) * 1e9) };
		nanosleep(&nap, NULL);
	}
}
