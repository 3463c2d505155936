// MikroORM keeps entity metadata on a global; in a Jest worker it survives from one test file to the next and then
// holds objects of the previous file's realm ("Map.prototype.set called on incompatible receiver"). Start clean.
delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
