package org.onedoor.documents;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The document store named by {@code onedoor.documents.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
class DocumentsConfiguration {

    /** The most non-document parts a body has: a packet's manifest and signature (a filing has its request only). */
    private static final int JSON_PARTS = 2;

    @Bean
    ContentStore contentStore(DocumentSettings settings, JdbcClient jdbc, Clock clock) {
        return switch (settings.store()) {
            case "database" -> new DatabaseContentStore(jdbc);
            case "file" -> new FileContentStore(settings.directory(), jdbc, clock);
            default -> throw new IllegalStateException("onedoor.documents.store is '" + settings.store()
                    + "'; it takes database or file");
        };
    }

    /**
     * Tomcat refuses a body with more parts than {@code max-documents} and the JSON parts beside them (a filing's
     * request, a packet's manifest and signature) as it parses: 413 {@code request.too-many-parts}.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> partLimit(DocumentSettings settings) {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPartCount(
                settings.maxDocuments() + JSON_PARTS));
    }

    @Bean
    DocumentStore documentStore(JdbcClient jdbc, ContentStore content, PlatformTransactionManager transactions) {
        return new DocumentStore(jdbc, content, transactions);
    }
}
