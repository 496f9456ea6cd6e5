export declare function ackModuleStarted(): void;
export declare function ackModuleStopped(): void;
export declare function isAckModuleActive(): boolean;
