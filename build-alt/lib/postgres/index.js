"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deadLetterOf = exports.DEFAULT_TABLE = exports.DEFAULT_POSTGRES_URL = exports.RowState = exports.PostgresSql = exports.PostgresAckContext = exports.PostgresAckClient = exports.POSTGRES_TRANSPORT = exports.PostgresAckServer = void 0;
/** `nestjs-ack/postgres`: the PostgreSQL transport (needs the `pg` peer dependency). */
var postgres_ack_server_1 = require("./postgres-ack.server");
Object.defineProperty(exports, "PostgresAckServer", { enumerable: true, get: function () { return postgres_ack_server_1.PostgresAckServer; } });
Object.defineProperty(exports, "POSTGRES_TRANSPORT", { enumerable: true, get: function () { return postgres_ack_server_1.POSTGRES_TRANSPORT; } });
var postgres_ack_client_1 = require("./postgres-ack.client");
Object.defineProperty(exports, "PostgresAckClient", { enumerable: true, get: function () { return postgres_ack_client_1.PostgresAckClient; } });
var postgres_context_1 = require("./postgres-context");
Object.defineProperty(exports, "PostgresAckContext", { enumerable: true, get: function () { return postgres_context_1.PostgresAckContext; } });
var postgres_sql_1 = require("./postgres-sql");
Object.defineProperty(exports, "PostgresSql", { enumerable: true, get: function () { return postgres_sql_1.PostgresSql; } });
Object.defineProperty(exports, "RowState", { enumerable: true, get: function () { return postgres_sql_1.RowState; } });
var postgres_settings_1 = require("./postgres-settings");
Object.defineProperty(exports, "DEFAULT_POSTGRES_URL", { enumerable: true, get: function () { return postgres_settings_1.DEFAULT_POSTGRES_URL; } });
Object.defineProperty(exports, "DEFAULT_TABLE", { enumerable: true, get: function () { return postgres_settings_1.DEFAULT_TABLE; } });
var postgres_dead_letters_1 = require("./postgres-dead-letters");
Object.defineProperty(exports, "deadLetterOf", { enumerable: true, get: function () { return postgres_dead_letters_1.deadLetterOf; } });
//# sourceMappingURL=index.js.map