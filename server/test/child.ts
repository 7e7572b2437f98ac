// A second process on a data folder, for the tests that need a real one:
//   node --import tsx server/test/child.ts open <dataDir>            opens it as a server, prints "ready <pid>", holds it until stdin ends
//   node --import tsx server/test/child.ts rotate <dataDir> <step>   rotates it (a row per batch), killed (SIGKILL) right after <step>
// A refused start prints its one line on stderr and exits 1. The environment is the folder's.
import { openDataFolder } from '../data-folder.js';
import { rotate } from '../rotate-master-key.js';

const [mode, dataDir, step] = process.argv.slice(2);
try {
  if (mode === 'open') {
    const folder = await openDataFolder({ env: process.env, dataDir });
    console.log(`ready ${process.pid}`);
    process.stdin.resume();
    process.stdin.on('end', () => void folder.close().then(() => process.exit(0)));
  } else if (mode === 'rotate') {
    await rotate(process.env, dataDir, {
      batchSize: 1,
      log: () => {},
      fault: (reached) => {
        if (reached === step) process.kill(process.pid, 'SIGKILL');
      },
    });
    console.log('finished');
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
