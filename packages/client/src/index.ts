export { createNimClient } from './client.js';
