"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadedNest = loadedNest;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The @nestjs/microservices this process really loads (its package.json is not exported in Nest 12, so found from its entry). */
function loadedNest() {
    const entry = require.resolve('@nestjs/microservices');
    let dir = (0, node_path_1.dirname)(entry);
    while (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')) || JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'package.json'), 'utf8')).name !== '@nestjs/microservices') {
        const parent = (0, node_path_1.dirname)(dir);
        if (parent === dir)
            throw new Error(`no package.json above ${entry}`);
        dir = parent;
    }
    const { version } = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'package.json'), 'utf8'));
    return { version, major: Number(version.split('.')[0]), path: dir };
}
//# sourceMappingURL=nest-version.js.map