package org.mastheadplanted.tx;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;

/** A controller transactional as a whole: reported. */
@Controller
@Transactional(readOnly = true)
public class PlantedTransactionalClassController {

    @GetMapping("/admin/planted-transactional-class")
    String page() {
        return "";
    }
}
