/* site.js -- small enhancements; every page works without it. */
document.addEventListener("DOMContentLoaded", function () {
	document.querySelectorAll("[data-print]").forEach(function (b) {
		b.hidden = false;
		b.addEventListener("click", function () { window.print(); });
	});
	/*
	 * A form sent back with errors: start at the first field to correct
	 * (instead of an autofocus meant for a fresh form).  Its error is tied
	 * to it by aria-describedby; the summary above the form is role="alert".
	 */
	/*
	 * "Use my location" (petition places, issue #13): the browser asks the
	 * person only when the button is pressed; the fields stay for typing.
	 */
	document.querySelectorAll("[data-geo]").forEach(function (b) {
		if (!navigator.geolocation)
			return;
		var status = document.getElementById("geo-status");
		b.hidden = false;
		b.addEventListener("click", function () {
			status.textContent = b.dataset.geoBusy;
			navigator.geolocation.getCurrentPosition(function (pos) {
				document.getElementById("lat").value = pos.coords.latitude.toFixed(6);
				document.getElementById("long").value = pos.coords.longitude.toFixed(6);
				status.textContent = b.dataset.geoDone;
			}, function () {
				status.textContent = b.dataset.geoFail;
			}, { enableHighAccuracy: true, timeout: 15000 });
		});
	});
	var bad = document.querySelector("form [aria-invalid=\"true\"]");
	if (bad)
		bad.focus();
});
