"""What each court's profile holds, read against DESIGN.md's table and the guides."""

from __future__ import annotations

from ecf_tui.court.profile import CourtProfile, FrontStep, LoginStep, SiteStep, UtilitiesStep


def way_in(profile: CourtProfile) -> list[str]:
    labels, step_id = [], profile.start
    if isinstance(front := profile.steps[step_id], FrontStep):
        step_id = front.next
    while isinstance(step := profile.steps[step_id], SiteStep):
        link = next(ln for ln in step.links if ln.to)
        labels.append(link.label.text)
        step_id = link.to
    return labels


def utilities_items(profile: CourtProfile, step_id: str = "utilities") -> list[str]:
    page = profile.steps[step_id]
    assert isinstance(page, UtilitiesStep)
    return [item.label.text for section in page.sections for item in section.items]


def login(profile: CourtProfile) -> LoginStep:
    page = profile.steps["pacer-login"]
    assert isinstance(page, LoginStep)
    return page


def test_ways_in(profiles) -> None:
    assert way_in(profiles["MSSB"]) == [
        "Electronic Case Filing", "ECF Login",
        "Southern District of Mississippi – Document Filing System"]
    assert way_in(profiles["MOEB"]) == [
        "E‐Filing (CM/ECF)", "Eastern District of Missouri Filing System"]
    for court in ("CASB", "ALNB", "CANB"):
        assert way_in(profiles[court]) == ["Document Filing System"]


def test_login_pages(profiles) -> None:
    alnb = login(profiles["ALNB"])
    assert alnb.title is not None
    assert alnb.title.text == "Alabama Northern Bankruptcy Court (test) Login"
    assert alnb.client_code_label and alnb.clear_button
    assert [ln.label.text for ln in alnb.links] == [
        "Forgot password?", "Forgot username?", "Need an account?"]
    assert "restricted government website" in alnb.notices[0].text
    canb = login(profiles["CANB"])
    assert canb.client_code_label and canb.clear_button is None
    assert "accept cookies" in canb.notices_above[0].text and "restricted" in canb.notices[0].text
    casb = login(profiles["CASB"])
    assert "accept cookies" in casb.notices_above[0].text and casb.client_code_label is None
    mssb = login(profiles["MSSB"])
    assert [ln.label.text for ln in mssb.links] == ["Forgot password?", "Forgot username?"]
    assert mssb.on_cmecf_credentials == "cmecf-dialog" and mssb.on_inactive == "inactive-dialog"
    for court in ("CASB", "ALNB", "CANB", "MOEB"):
        page = login(profiles[court])
        assert page.on_cmecf_credentials is None and page.on_inactive is None


def test_utilities_pages_in_the_guides_order(profiles) -> None:
    assert utilities_items(profiles["CASB"]) == [
        "Maintain Your Login/Password", "Link a CM/ECF account to your PACER account",
        "View PACER Account Information", "Review Billing History", "Change Your Client Code",
        "Court Information", "Mailings...", "Release 5.0 Menu Items",
        "NextGen Release 1.1 Menu Items"]
    assert utilities_items(profiles["CANB"]) == [
        "Link a CM/ECF account to my PACER account", "Change PACER Exemption Status",
        "Maintain Your Login/Password", "Change Client Code", "Review Billing History",
        "Release 3.1 Menu Items...", "NextGen Release 1.1 Menu Items"]
    assert utilities_items(profiles["MSSB"]) == ["NextGen Release 1.1 Menu Items"]
    assert utilities_items(profiles["MSSB"], "release-1-1") == [
        "Link a CM/ECF account to my PACER account"]
    for court in ("ALNB", "MOEB"):
        assert utilities_items(profiles[court]) == ["Link a CM/ECF account to my PACER account"]


def test_confirm_names_from_the_guides(profiles) -> None:
    def names(court: str) -> tuple[str, str]:
        accounts = profiles[court].accounts
        return accounts.cmecf["filer"].name.text, accounts.pacer["individual"].name.text

    assert names("CASB") == ("Barbara CASB", "BarbaraTest Casb")
    assert names("ALNB") == ("James C Alison", "James Alison")
    assert names("CANB") == ("John Attorney", "John Attorney")
    assert profiles["MSSB"].accounts.cmecf["filer"].login.text == "pond7"
    assert profiles["MSSB"].accounts.cmecf["filer"].login.source == "guide"


def test_dates_contacts_and_warnings(profiles) -> None:
    mssb, canb = profiles["MSSB"].about, profiles["CANB"].about
    assert mssb.go_live and mssb.go_live.text == "April 27, 2020"
    assert canb.go_live and canb.go_live.text == "February 16, 2021"
    assert any("800-676-6856" in c.text for c in mssb.contacts)
    assert any("MSSB_IT@mssb.uscourts.gov" in c.text for c in mssb.contacts)
    assert any("ecfrain@alnb.uscourts.gov" in c.text for c in profiles["ALNB"].about.contacts)
    assert any("cannot be undone" in w.text for w in profiles["ALNB"].about.warnings)
    assert any("August 2014" in w.text for w in canb.warnings)
    assert any("notify you" in w.text for w in profiles["MOEB"].about.warnings)
    assert profiles["MSSB"].banner[0].text.startswith("You are accessing a test site.")


def test_refresh_ways(profiles) -> None:
    assert profiles["MSSB"].refresh.menu_items == ["Query", "Reports"]
    assert profiles["CASB"].refresh.ways == ["browser-refresh", "relogin"]
    assert profiles["ALNB"].refresh.ways == ["browser-refresh", "relogin-after-clear-cache"]
    assert profiles["CANB"].refresh.ways == ["browser-refresh", "clear-cache"]
    assert profiles["MOEB"].refresh.menu_items == ["*"]


def test_full_redaction_agreement(profiles) -> None:
    for court in ("MSSB", "MOEB"):
        page = profiles[court].steps["redaction"]
        assert "Fed. R. Bankr. P. 9037" in page.body[0].text
        assert page.agreement.text.startswith("I understand that, if I file")  # type: ignore[union-attr]
    assert profiles["MOEB"].steps["redaction"].body[0].quoted_from == "MSSB"


def test_shared_texts_live_once_in_the_base(profiles) -> None:
    forms = {court: p.steps["link-form"] for court, p in profiles.items()}
    first = [t.text for t in forms["MSSB"].body]  # type: ignore[union-attr]
    assert all([t.text for t in form.body] == first  # type: ignore[union-attr]
               for form in forms.values())
    # Quoted from CASB's guide, and credited to a court's own where its guide has them.
    assert forms["MOEB"].body[0].quoted_from == "CASB"  # type: ignore[union-attr]
    assert forms["CANB"].body[0].quoted_from is None  # type: ignore[union-attr]
    alnb_links = [ln.label.text for ln in forms["ALNB"].links]  # type: ignore[union-attr]
    assert alnb_links == ["Forgot login/password"]
    assert "upgraded-pacer-help" not in profiles["ALNB"].steps


def test_every_step_reference_field_is_a_step_ref() -> None:
    """Flow checks find step references by their type (`StepRef`), so a field that names
    a step must be declared with it: a new `*_to` field typed `str` would escape them."""
    import re

    from ecf_tui.court import profile as models
    from ecf_tui.court.profile import _is_step_ref

    looks_like_a_reference = re.compile(r"^(next|to|start|email|on_.+|.+_to)$")
    found = 0
    for model in vars(models).values():
        if isinstance(model, type) and issubclass(model, models.Model):
            for name, info in model.model_fields.items():
                is_ref = _is_step_ref(info.annotation) or any(
                    isinstance(m, models.StepReference) for m in info.metadata)
                assert is_ref == bool(looks_like_a_reference.match(name)), \
                    f"{model.__name__}.{name}"
                found += is_ref
    assert found >= 15
