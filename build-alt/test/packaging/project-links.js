"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.linkModules = linkModules;
exports.repositoryRoot = repositoryRoot;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The package under test: never linked from a node_modules, always resolved as the test says. */
const PACKAGE_NAME = 'nestjs-ack';
/** Links every package of `source` not yet in `target` (the peers: Nest, rxjs, drivers, @types/node), except the one under test. */
function linkModules(source, target) {
    (0, node_fs_1.mkdirSync)(target, { recursive: true });
    for (const name of (0, node_fs_1.readdirSync)(source)) {
        if (name.startsWith('.') || name === PACKAGE_NAME)
            continue;
        if (name.startsWith('@')) {
            (0, node_fs_1.mkdirSync)((0, node_path_1.join)(target, name), { recursive: true });
            for (const scoped of (0, node_fs_1.readdirSync)((0, node_path_1.join)(source, name))) {
                if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(target, name, scoped)))
                    (0, node_fs_1.symlinkSync)((0, node_path_1.join)(source, name, scoped), (0, node_path_1.join)(target, name, scoped), 'dir');
            }
        }
        else if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(target, name))) {
            (0, node_fs_1.symlinkSync)((0, node_path_1.join)(source, name), (0, node_path_1.join)(target, name), 'dir');
        }
    }
}
/** This repository, found above `from` (scripts/nest-majors.sh runs a copy of build/ from .nest-majors/<major>/). */
function repositoryRoot(from) {
    for (let dir = from; dir !== (0, node_path_1.dirname)(dir); dir = (0, node_path_1.dirname)(dir)) {
        const manifest = (0, node_path_1.join)(dir, 'package.json');
        if ((0, node_fs_1.existsSync)(manifest) && JSON.parse((0, node_fs_1.readFileSync)(manifest, 'utf8')).name === PACKAGE_NAME)
            return dir;
    }
    throw new Error(`no ${PACKAGE_NAME} package.json above ${from}`);
}
//# sourceMappingURL=project-links.js.map