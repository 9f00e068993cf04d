// Copies the browser builds orgline's pages use out of node_modules into the Python
// package, so that the server (and a published static site) serves them itself.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "orgline", "web", "static", "vendor");
const files = [
  "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
  "vis-timeline/styles/vis-timeline-graph2d.min.css",
  "cytoscape/dist/cytoscape.min.js",
];
mkdirSync(vendor, { recursive: true });
for (const f of files) {
  copyFileSync(join(here, "node_modules", f), join(vendor, f.split("/").pop()));
  console.log(`vendor/${f.split("/").pop()}`);
}
