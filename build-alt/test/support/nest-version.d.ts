/** The @nestjs/microservices this process really loads (its package.json is not exported in Nest 12, so found from its entry). */
export declare function loadedNest(): {
    version: string;
    major: number;
    path: string;
};
