import { CliError, runCommand, USAGE } from './cli/commands';
import { readConfig } from './config';
import { openSealKeyStore } from './keys/settings';
import { openStore } from './store/open';
import { StartupError } from './store/types';

/** `node dist/server/cli.js <command> …` (npm run admin): see cli/commands.ts for the commands. */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const config = readConfig(process.env);
  const store = await openStore(config);
  try {
    console.log(await runCommand(store, argv, openSealKeyStore(store, config)));
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError || error instanceof StartupError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
