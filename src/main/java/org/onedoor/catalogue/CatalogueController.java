package org.onedoor.catalogue;

import java.util.Collection;

import org.onedoor.system.OneDoorException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public service catalogue: what the front desk can file and what each service needs. */
@RestController
@RequestMapping("/api/services")
class CatalogueController {

    private final ServiceCatalogue catalogue;

    CatalogueController(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    Collection<ServiceDefinition> all() {
        return catalogue.all();
    }

    @GetMapping("/{code}")
    ServiceDefinition one(@PathVariable String code) {
        return catalogue.offered(code).orElseThrow(() -> new OneDoorException("service.unknown", HttpStatus.NOT_FOUND,
                "No service with code '" + code + "'."));
    }
}
