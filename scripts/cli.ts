// The command-line tasks straight from the sources, with no Remix build first:
//   npm run db:migrate | db:seed | data:import [folder] | organizer:create -- --email ...
// (`node server.js <task>` runs the same code from the production build.)
import { runTask } from "../app/boot.server";

await runTask(process.argv.slice(2));
