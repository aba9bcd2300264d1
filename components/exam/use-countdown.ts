"use client";
// Milliseconds left until the deadline, ticking every second. The server's clock decides: the
// offset between its "now" and the browser's is measured once, so a wrong device clock (or the
// sandbox's simulated time) never gives the learner more or less time than the server allows.
import { useEffect, useState } from "react";

export function useCountdown(deadlineIso: string, serverNowIso: string): number {
  const [offset] = useState(() => Date.parse(serverNowIso) - Date.now());
  const left = () => Math.max(0, Date.parse(deadlineIso) - (Date.now() + offset));
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => setRemaining(left()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- left() reads only stable values
  }, [deadlineIso, offset]);
  return remaining;
}

/** "1:05:09" or "05:09". */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
