// Copies the server jar built by the Maven reactor into server/, where the extension finds it
// by default and from where `vsce package` bundles it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const source = join(root, '..', 'server', 'target', 'kubereplay.jar');
const target = join(root, 'server', 'kubereplay.jar');

if (!existsSync(source)) {
  console.error(
    `${relative(process.cwd(), source)} does not exist: build the server first ` +
      `(./mvnw -pl server -am package -DskipTests in the repository root).`,
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copied ${relative(root, source)} to ${relative(root, target)}`);
