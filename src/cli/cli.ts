// The executable entry point bundled into dist/vtaplint.js.
import { main } from './main.js';

void main();
