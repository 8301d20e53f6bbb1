/*
 * xstart: start a program and time it under X, for ui/e2e/startup.sh.
 *
 *   xstart [-settle SECONDS] [-timeout SECONDS] -- PROGRAM [ARGS...]
 *
 * Prints one line:
 *
 *   map_ms=N frame_ms=N drawn_ms=N cpu_ms=N rss_kb=N hwm_kb=N
 *
 * map_ms    exec to the program's first top-level window being mapped (a
 *           MapNotify on the root window: no polling);
 * frame_ms  exec to the first frame drawn into that window (its pixels are
 *           no longer the black of an undrawn window under Xvfb);
 * drawn_ms  exec to the first frame whose standard deviation over the
 *           window exceeds 0.05 — the end-to-end test's "not blank"
 *           criterion (ui/e2e/e2e.sh), i.e. the content is shown; -1 when
 *           never within the timeout (a window with one label stays below);
 * cpu_ms    CPU time (user + system) the process used up to the first
 *           frame (up to drawn_ms when that is found): the work done
 *           before anything is shown, which the machine's load does not
 *           change as much as it changes the times;
 * rss_kb    VmRSS of the process SECONDS after its first frame (default 3);
 * hwm_kb    VmHWM (peak resident memory) at the same moment.
 *
 * The window is sampled with XGetImage every 10 ms (every 4th pixel of
 * every 4th row is used). The program is then stopped with SIGTERM.
 * Exit status 1 when the program exits or shows no window in time.
 */
#define _DEFAULT_SOURCE
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int ignore_errors(Display *d, XErrorEvent *e) {
	(void)d;
	(void)e;
	return 0;
}

/* status_kb returns a "VmRSS:"-like field of /proc/PID/status, or -1. */
static long status_kb(pid_t pid, const char *field) {
	char path[64], line[256];
	long v = -1;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = strlen(field);
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, n) == 0) {
			v = atol(line + n);
			break;
		}
	fclose(f);
	return v;
}

/* sample grabs the window and sets its mean and standard deviation of the
 * red, green and blue values (0..1); returns 0 when it cannot be read. */
static int sample(Display *d, Window w, double *mean, double *sd) {
	XWindowAttributes a;
	if (!XGetWindowAttributes(d, w, &a) || a.map_state != IsViewable)
		return 0;
	XImage *img = XGetImage(d, w, 0, 0, a.width, a.height, AllPlanes, ZPixmap);
	if (!img)
		return 0;
	double s = 0, s2 = 0;
	long n = 0;
	for (int y = 0; y < a.height; y += 4)
		for (int x = 0; x < a.width; x += 4) {
			unsigned long p = XGetPixel(img, x, y);
			double c[3] = {((p >> 16) & 255) / 255.0, ((p >> 8) & 255) / 255.0, (p & 255) / 255.0};
			for (int i = 0; i < 3; i++) {
				s += c[i];
				s2 += c[i] * c[i];
				n++;
			}
		}
	XDestroyImage(img);
	*mean = s / n;
	*sd = sqrt(fmax(0, s2 / n - *mean * *mean));
	return 1;
}

/* cpu_ms returns the user + system CPU time of PID in milliseconds. */
static double cpu_ms(pid_t pid) {
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	char *p = strrchr(buf, ')'); /* the command name may hold spaces */
	unsigned long ut = 0, st = 0;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (ut + st) * 1000.0 / sysconf(_SC_CLK_TCK);
}

static void stop(pid_t pid) {
	kill(pid, SIGTERM);
	for (int i = 0; i < 50; i++) {
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return;
		usleep(20000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

int main(int argc, char **argv) {
	double settle = 3, timeout = 20;
	int i = 1;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-settle") == 0 && i + 1 < argc)
			settle = atof(argv[++i]);
		else if (strcmp(argv[i], "-timeout") == 0 && i + 1 < argc)
			timeout = atof(argv[++i]);
		else
			break;
	}
	if (i >= argc - 1 || strcmp(argv[i], "--") != 0) {
		fprintf(stderr, "usage: xstart [-settle SECONDS] [-timeout SECONDS] -- PROGRAM [ARGS...]\n");
		return 2;
	}
	char **cmd = argv + i + 1;
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "xstart: cannot open display\n");
		return 1;
	}
	XSetErrorHandler(ignore_errors);
	Window root = DefaultRootWindow(d);
	XSelectInput(d, root, SubstructureNotifyMask);
	XSync(d, False);

	double t0 = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		execvp(cmd[0], cmd);
		perror("xstart: exec");
		_exit(127);
	}
	double tmap = -1, tframe = -1, tdrawn = -1, cpu = -1;
	Window win = 0;
	int fd = ConnectionNumber(d);
	while (now_ms() - t0 < timeout * 1e3) {
		if (waitpid(pid, NULL, WNOHANG) == pid) {
			fprintf(stderr, "xstart: %s exited before its window was drawn\n", cmd[0]);
			return 1;
		}
		while (XPending(d)) {
			XEvent ev;
			XNextEvent(d, &ev);
			if (ev.type == MapNotify && !win && !ev.xmap.override_redirect) {
				XWindowAttributes a;
				if (XGetWindowAttributes(d, ev.xmap.window, &a) && a.width >= 200 && a.height >= 200) {
					win = ev.xmap.window;
					tmap = now_ms() - t0;
				}
			}
		}
		if (win) {
			double mean, sd;
			if (sample(d, win, &mean, &sd)) {
				double t = now_ms() - t0;
				if (tframe < 0 && (mean > 0.02 || sd > 0.01)) {
					tframe = t;
					cpu = cpu_ms(pid);
				}
				if (tdrawn < 0 && sd > 0.05) {
					tdrawn = t;
					cpu = cpu_ms(pid);
				}
			}
			if (tframe >= 0 && (tdrawn >= 0 || now_ms() - t0 > tframe + settle * 1e3))
				break;
		}
		fd_set fs;
		FD_ZERO(&fs);
		FD_SET(fd, &fs);
		struct timeval tv = {0, 10000};
		select(fd + 1, &fs, NULL, NULL, &tv);
	}
	if (tframe < 0) {
		fprintf(stderr, "xstart: %s: no drawn window within %.0f s\n", cmd[0], timeout);
		stop(pid);
		return 1;
	}
	double until = tframe + settle * 1e3;
	while (now_ms() - t0 < until) {
		if (waitpid(pid, NULL, WNOHANG) == pid) {
			fprintf(stderr, "xstart: %s exited while settling\n", cmd[0]);
			return 1;
		}
		usleep(50000);
	}
	long rss = status_kb(pid, "VmRSS:"), hwm = status_kb(pid, "VmHWM:");
	printf("map_ms=%.0f frame_ms=%.0f drawn_ms=%.0f cpu_ms=%.0f rss_kb=%ld hwm_kb=%ld\n", tmap, tframe, tdrawn, cpu, rss, hwm);
	stop(pid);
	XCloseDisplay(d);
	return 0;
}
