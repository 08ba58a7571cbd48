/**
 * Subjects that live in another process, so the stock tf.LayersModel baseline (umbrella tfjs, which
 * must not share a process with the lab's tfjs) can still take its trials in turn with the lab's.
 * Line protocol over stdio: parent → child `<index> <seconds>`; child → parent `<rate>`; stdin's
 * end tells the child to dispose and exit.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Subject } from './timing';

/** Child side: answers trial requests for `subjects` until stdin closes. */
export async function serveSubjects(subjects: readonly Subject[]): Promise<void> {
  for await (const line of createInterface({ input: process.stdin })) {
    const [index, seconds] = line.split(' ').map(Number);
    process.stdout.write(`${await subjects[index!]!.trial(seconds!)}\n`);
  }
  for (const s of subjects) s.dispose?.();
}

/** Parent side: `count` subjects served by `node <args>`; dispose the last one to end the child. */
export function remoteSubjects(args: readonly string[], count: number): Subject[] {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  // Rejects when the child ends; only awaited while a trial is pending (a normal exit comes after the last).
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`the bench child ${args.at(-1)} exited (code ${code})`))),
  );
  exited.catch(() => {});
  let queue = Promise.resolve(0);
  const ask = (index: number, seconds: number) =>
    (queue = queue.then(async () => {
      child.stdin.write(`${index} ${seconds}\n`);
      const reply = await Promise.race([replies.next(), exited]);
      if (!reply || reply.done) throw new Error('the bench child stopped answering');
      return Number(reply.value);
    }));
  return Array.from({ length: count }, (_, index) => ({
    trial: (seconds: number) => ask(index, seconds),
    ...(index === count - 1 && {
      dispose: () => child.stdin.end(),
    }),
  }));
}
