/** How `createTopics` creates the topics it creates. */
export interface KafkaTopicCreation {
    /** Partitions of each created topic (handler topics and dead-letter topics). @defaultValue 1 */
    numPartitions?: number;
    /** Replicas of each created topic; -1 takes the broker's default. @defaultValue -1 */
    replicationFactor?: number;
}
