// The executable entry point bundled into dist/vtaplint.cjs (run by bin/vtaplint.js).
import { main } from './main.js';

void main();
