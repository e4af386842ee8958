package org.onedoor.documents;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The document store named by {@code onedoor.documents.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
class DocumentsConfiguration {

    @Bean
    ContentStore contentStore(DocumentSettings settings, JdbcClient jdbc, Clock clock) {
        return switch (settings.store()) {
            case "database" -> new DatabaseContentStore(jdbc);
            case "file" -> new FileContentStore(settings.directory(), jdbc, clock);
            default -> throw new IllegalStateException("onedoor.documents.store is '" + settings.store()
                    + "'; it takes database or file");
        };
    }

    @Bean
    DocumentStore documentStore(JdbcClient jdbc, ContentStore content, PlatformTransactionManager transactions) {
        return new DocumentStore(jdbc, content, transactions);
    }
}
