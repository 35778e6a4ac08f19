package org.mastheadplanted.tx;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Handlers that write through one service method (allowed) and through two (two transactions: reported). */
@Controller
@RequestMapping("/admin/planted-writes")
public class PlantedTwoWritesController {

    private final PlantedService service;
    private final PlantedReadOnlyService readOnly;

    PlantedTwoWritesController(PlantedService service, PlantedReadOnlyService readOnly) {
        this.service = service;
        this.readOnly = readOnly;
    }

    @PostMapping("/two")
    String twoWrites() {
        service.first();
        service.second();
        return "done";
    }

    @PostMapping("/overridden")
    String writeInAReadOnlyService() {
        service.first();
        readOnly.write();
        return "done";
    }

    @PostMapping("/one")
    String oneWrite(boolean again) {
        String before = service.read() + readOnly.read();
        service.first();
        if (again) {
            service.first();
        }
        return before;
    }
}
