// Entry of `npm run provision` and `npm run live-check`. Errors Google's prerequisites explain
// are printed as sentences; anything else as it is.
import { join } from 'node:path';
import { livePaths } from './config';
import { LiveSetupError } from './errors';
import { liveCheck } from './liveCheck';
import { provision } from './provision';

async function main(command: string | undefined): Promise<number> {
  const options = { root: join(__dirname, '..'), paths: livePaths(), log: (line: string) => console.log(line) };
  if (command === 'provision') {
    await provision(options);
    return 0;
  }
  if (command === 'live-check') {
    const rows = await liveCheck(options);
    return rows.every((r) => r.agree) ? 0 : 1;
  }
  console.error('usage: live.cjs provision | live-check');
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LiveSetupError ? error.message : error);
    process.exit(1);
  },
);
