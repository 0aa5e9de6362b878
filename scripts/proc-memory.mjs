// Peak resident memory of this process and everything it started (Chromium's browser, GPU,
// renderer and worker processes), sampled from /proc every `everyMs` (Linux; elsewhere null).
// Only this process's descendants are counted, so other browsers on the machine do not add in.
import { readdirSync, readFileSync } from 'node:fs';

/** pid -> parent pid, for every process now. */
function parents() {
	/** @type {Map<number, number>} */
	const map = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			map.set(Number(name), ppid);
		} catch {
			// the process ended meanwhile
		}
	}
	return map;
}

/** Resident MiB of `root` and its descendants now. @param {number} root */
export function treeRssMiB(root = process.pid) {
	const map = parents();
	let kib = 0;
	for (const pid of map.keys()) {
		let p = pid;
		while (p > 1 && p !== root) p = map.get(p) ?? 0;
		if (p !== root) continue;
		try {
			const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (m) kib += Number(m[1]);
		} catch {
			// ended meanwhile
		}
	}
	return kib / 1024;
}

/** Starts sampling; `stop()` returns the peak in MiB (null where /proc is missing). @param {number} everyMs */
export function peakMemory(everyMs = 250) {
	let peak = 0;
	let ok = true;
	const sample = () => {
		try {
			peak = Math.max(peak, treeRssMiB());
		} catch {
			ok = false;
		}
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		/** The peak so far, MiB. */
		now: () => (ok ? peak : null),
		reset: () => {
			peak = 0;
			sample();
		},
		stop: () => {
			clearInterval(timer);
			sample();
			return ok ? peak : null;
		}
	};
}
