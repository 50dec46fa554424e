/*
The management site's widgets are built by Django's own scripts. This adds the names they leave out
(WCAG 4.1.2 Name, role, value), on every page (templates/admin/base_site.html):

- The filter widget (filter_horizontal) puts its help, "Type into this box to filter down the list", in the
  aria-label of a <span> without a role, where a name is not allowed: it becomes an image with that text.
- The search-as-you-type choice (autocomplete_fields, Select2) names its box after the chosen value, which
  is nothing while nothing is chosen, and gives its search boxes no name at all: all get the field's label.

Django's scripts run first: the filter widget on the window's load, Select2 on jQuery's ready (both
registered before this deferred script runs), and both again for an inline row added with "Add another".
*/
"use strict";
{
    const jQuery = window.django && window.django.jQuery;

    function nameFilterHelp(root) {
        for (const icon of root.querySelectorAll(".selector .search-label-icon[aria-label]:not([role])")) {
            icon.setAttribute("role", "img");
        }
    }

    function labelOf(select) {
        const label = select.id ? document.querySelector(`label[for="${select.id}"]`) : null;
        if (label && !label.id) {
            label.id = `${select.id}_label`;
        }
        return label;
    }

    function nameSearchBoxes(root, label) {
        for (const box of root.querySelectorAll(".select2-search__field")) {
            box.setAttribute("aria-labelledby", label.id);
        }
    }

    function nameAutocompletes(root) {
        for (const select of root.querySelectorAll("select.admin-autocomplete")) {
            const label = labelOf(select);
            const container = select.nextElementSibling;
            if (!label || !container || !container.classList.contains("select2")) {
                continue;
            }
            // A choice of one: the box (a combobox) and the chosen value in it (a read-only textbox).
            const combobox = container.querySelector(".select2-selection[role='combobox']");
            const shown = container.querySelector(".select2-selection__rendered[id]");
            if (combobox) {
                combobox.setAttribute("aria-labelledby", shown ? `${label.id} ${shown.id}` : label.id);
            }
            if (shown) {
                shown.setAttribute("aria-labelledby", label.id);
            }
            nameSearchBoxes(container, label);
            // The search box of a choice of one is only in the page while its list is open.
            jQuery(select).on("select2:open", () => {
                for (const open of document.querySelectorAll(".select2-container--open")) {
                    nameSearchBoxes(open, label);
                }
            });
        }
    }

    if (jQuery) {
        jQuery(() => nameAutocompletes(document));
    }
    window.addEventListener("load", () => nameFilterHelp(document));
    document.addEventListener("formset:added", (event) => {
        nameFilterHelp(event.target);
        if (jQuery) {
            nameAutocompletes(event.target);
        }
    });
}
