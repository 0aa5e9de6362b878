/**
 * The command line over the same core the site uses: `npm run --silent cli -- <command> ...`.
 * Exit codes: 0 done, 1 failed (a clear one-line message), 2 usage error.
 */
import { UsageError } from './args';

type Command = { usage: string; run: (args: string[]) => Promise<number> };

const commands: Record<string, () => Promise<Command>> = {
  table1: () => import('./table1'),
  classify: () => import('./classify'),
  bench: () => import('./bench'),
  hero: () => import('./hero'),
  visualize: () => import('./visualize'),
  dream: () => import('./dream'),
  attribute: () => import('./attribute')
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (!load) {
    const list = await Promise.all(Object.values(commands).map(async (c) => `  ${(await c()).usage}`));
    process.stderr.write(
      `${name === undefined ? 'no command given' : `unknown command "${name}"`}; commands:\n${list.join('\n')}\n`
    );
    return 2;
  }
  const command = await load();
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message} (usage: ${command.usage})\n`);
      return 2;
    }
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
