"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deliveryCountOf = exports.PRIOR_DELIVERIES_HEADER = exports.DEFAULT_RABBIT_URL = exports.RabbitAckContext = exports.RabbitAckClient = exports.RabbitAckServer = void 0;
/** `nestjs-ack/rabbitmq`: the RabbitMQ transport (needs the `amqplib` peer dependency). */
var rabbit_ack_server_1 = require("./rabbit-ack.server");
Object.defineProperty(exports, "RabbitAckServer", { enumerable: true, get: function () { return rabbit_ack_server_1.RabbitAckServer; } });
var rabbit_ack_client_1 = require("./rabbit-ack.client");
Object.defineProperty(exports, "RabbitAckClient", { enumerable: true, get: function () { return rabbit_ack_client_1.RabbitAckClient; } });
var rabbit_context_1 = require("./rabbit-context");
Object.defineProperty(exports, "RabbitAckContext", { enumerable: true, get: function () { return rabbit_context_1.RabbitAckContext; } });
var rabbit_url_1 = require("./rabbit-url");
Object.defineProperty(exports, "DEFAULT_RABBIT_URL", { enumerable: true, get: function () { return rabbit_url_1.DEFAULT_RABBIT_URL; } });
var rabbit_delivery_count_1 = require("./rabbit-delivery-count");
Object.defineProperty(exports, "PRIOR_DELIVERIES_HEADER", { enumerable: true, get: function () { return rabbit_delivery_count_1.PRIOR_DELIVERIES_HEADER; } });
Object.defineProperty(exports, "deliveryCountOf", { enumerable: true, get: function () { return rabbit_delivery_count_1.deliveryCountOf; } });
//# sourceMappingURL=index.js.map