/** Links every package of `source` not yet in `target` (the peers: Nest, rxjs, drivers, @types/node), except the one under test. */
export declare function linkModules(source: string, target: string): void;
/** This repository, found above `from` (scripts/nest-majors.sh runs a copy of build/ from .nest-majors/<major>/). */
export declare function repositoryRoot(from: string): string;
