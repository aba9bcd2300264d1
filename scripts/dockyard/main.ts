// The admin command line: `npm run dockyard -- <command> [options]` (also the `dockyard` bin).
// Each command validates its options with zod and calls one lib/ function.
import { commands } from "./commands";

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.usage}\n  ${"".padEnd(14)} ${c.description}`);
  return `Usage: npm run dockyard -- <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dockyard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
