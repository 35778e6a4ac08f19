package org.masthead.media.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.masthead.media.Image;
import org.masthead.media.ImageInUseException;
import org.masthead.media.ImageService;
import org.masthead.media.ImageWorkBusyException;
import org.masthead.media.MediaProperties;
import org.masthead.media.MultipartLimits;
import org.masthead.media.RejectedImageException;
import org.masthead.security.Role;
import org.masthead.security.StaffUser;
import org.masthead.web.BadRequestException;
import org.masthead.web.PageNumbers;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The media library. Every staff member may look at it and upload (contributors illustrate their drafts);
 * editing the texts of an image and deleting it are for editors (docs/DESIGN.md, "Who may do what").
 */
@Controller
@RequestMapping("/admin/media")
class MediaAdminController {

    static final int PAGE_SIZE = 24;

    static final int MAX_QUERY_LENGTH = 200;

    private final ImageService images;
    private final MediaProperties properties;

    MediaAdminController(ImageService images, MediaProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    @ModelAttribute("maxUploadMegabytes")
    long maxUploadMegabytes() {
        return properties.maxUploadSize().toMegabytes();
    }

    @GetMapping
    String list(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        String trimmed = query.strip();
        if (trimmed.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException("media.list.query-too-long");
        }
        Slice<Image> found = PageNumbers.existing(images.library(trimmed, PageNumbers.of(page, PAGE_SIZE)), "media");
        model.addAttribute("images", found);
        model.addAttribute("query", trimmed);
        model.addAttribute(
                "pagePath",
                trimmed.isEmpty()
                        ? "/admin/media"
                        : "/admin/media?q=" + URLEncoder.encode(trimmed, StandardCharsets.UTF_8));
        return "admin/media/list";
    }

    /**
     * A page ({@code page}, from 1) of the editor's insert helper: the images that match {@code q} (alt, caption,
     * credit, file name), newest first.
     */
    @GetMapping("/insertable")
    String insertable(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        String trimmed = query.strip();
        if (trimmed.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException("media.list.query-too-long");
        }
        Slice<Image> found = images.library(trimmed, PageNumbers.of(page, MediaPicker.INSERT_SIZE));
        model.addAttribute("insertable", found.getContent());
        model.addAttribute("insertPage", page);
        model.addAttribute("insertNext", found.hasNext());
        model.addAttribute("insertQuery", trimmed);
        return "fragments/media :: insert-list";
    }

    /**
     * The radio buttons of an image picker (a form's featured image, an author's photo) for a page ({@code page},
     * from 1) of the images that match {@code q}, newest first, keeping the image already chosen ({@code selected})
     * among them.
     */
    @GetMapping("/pickable")
    String pickable(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "field", defaultValue = "featuredImageId") String field,
            @RequestParam(name = "selected", required = false) Long selected,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        String trimmed = query.strip();
        if (trimmed.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException("media.list.query-too-long");
        }
        if (!field.matches("[A-Za-z][A-Za-z0-9]{0,40}")) {
            throw new BadRequestException("error.bad-parameter");
        }
        Slice<Image> found = images.library(trimmed, PageNumbers.of(page, MediaPicker.PICKER_SIZE));
        model.addAttribute("pickable", found.getContent());
        model.addAttribute("pickPage", page);
        model.addAttribute("pickNext", found.hasNext());
        model.addAttribute("pickQuery", trimmed);
        model.addAttribute("fieldName", field);
        model.addAttribute("selectedId", selected);
        return "fragments/media :: picker-list";
    }

    /** The upload form; {@code ?too-large} after {@link UploadTooLargeFilter} turned away an oversize request. */
    @GetMapping("/new")
    String newForm(
            @RequestParam(name = "too-large", required = false) String tooLarge,
            @RequestParam(name = "name-too-long", required = false) String nameTooLong,
            Model model) {
        model.addAttribute("uploadForm", new UploadForm());
        if (tooLarge != null) {
            model.addAttribute("uploadError", "media.error.too-large");
        } else if (nameTooLong != null) {
            model.addAttribute("uploadError", "media.error.name-too-long");
        }
        return "admin/media/new";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("uploadForm") UploadForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        if (form.getFile() == null || form.getFile().isEmpty()) {
            errors.rejectValue("file", "media.error.no-file");
        } else if (form.getFile().getSize() > MultipartLimits.maxRequestSize(properties)) {
            // Far over an image's limit (a chunked body the container took, its limit being an archive import's):
            // the answer a request of that size with a declared length gets (UploadTooLargeFilter).
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:/admin/media/new?too-large";
        } else if (form.getFile().getSize() > properties.maxUploadSize().toBytes()) {
            errors.rejectValue("file", "media.error.too-large", new Object[] {maxUploadMegabytes()}, null);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return "admin/media/new";
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "admin/media/new";
        }
        Image image;
        try {
            image = images.upload(
                    me,
                    form.getFile().getBytes(),
                    form.getFile().getOriginalFilename(),
                    form.getAltText(),
                    form.getCaption(),
                    form.getCredit());
        } catch (RejectedImageException e) {
            errors.rejectValue("file", e.getMessageKey(), e.getArguments(), null);
            response.setStatus(
                    e.getMessageKey().equals("media.error.too-large")
                            ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                            : HttpServletResponse.SC_BAD_REQUEST);
            return "admin/media/new";
        } catch (ImageWorkBusyException e) {
            errors.rejectValue("file", "media.error.busy");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            return "admin/media/new";
        } catch (IOException e) {
            errors.rejectValue("file", "media.error.damaged");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "admin/media/new";
        }
        flash.addFlashAttribute("notice", "media.uploaded");
        flash.addFlashAttribute("uploadedId", image.getId());
        if (me.hasAtLeast(Role.EDITOR)) {
            return "redirect:/admin/media/" + image.getId();
        }
        return "redirect:/admin/media";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        Image image = images.get(id);
        model.addAttribute("imageForm", ImageForm.of(image));
        return edit(image, model);
    }

    @PostMapping("/{id}")
    String update(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            @Valid @ModelAttribute("imageForm") ImageForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return edit(images.get(id), model);
        }
        images.describe(me, id, form.getAltText(), form.getCaption(), form.getCredit());
        flash.addFlashAttribute("notice", "media.saved");
        return "redirect:/admin/media/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(
            @AuthenticationPrincipal StaffUser me,
            @PathVariable long id,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            images.delete(me, id);
        } catch (ImageInUseException e) {
            Image image = images.get(id);
            model.addAttribute("imageForm", ImageForm.of(image));
            model.addAttribute("deleteRefused", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return edit(image, model);
        }
        flash.addFlashAttribute("notice", "media.deleted");
        return "redirect:/admin/media";
    }

    private String edit(Image image, Model model) {
        model.addAttribute("image", image);
        model.addAttribute("uses", images.usesOf(image.getId()));
        return "admin/media/edit";
    }
}
