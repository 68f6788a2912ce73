<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Service ${service.serviceId}"/>
<c:set var="pageScripts" value="copy.js,results-table.js,service-progress.js"/>
<%-- service-progress.js follows a running service; without scripts the page reloads itself instead. --%>
<c:set var="noscriptRefreshSeconds" value="${service.running ? 3 : 0}"/>
<%@ include file="header.jspf" %>
<c:url var="jsonUrl" value="/services/${service.serviceId}"><c:param name="format" value="json"/></c:url>
<c:url var="csvUrl" value="/services/${service.serviceId}"><c:param name="format" value="csv"/></c:url>
<c:url var="userUrl" value="/services"><c:param name="userName" value="${service.userName}"/></c:url>
<c:url var="pageUrl" value="/services/${service.serviceId}"/>

<section id="service" class="card" aria-labelledby="service-heading"
         data-json-url="<c:out value='${jsonUrl}'/>" data-status="${service.status}">
  <div class="summary-head">
    <div class="summary-id">
      <p class="eyebrow">Service</p>
      <h1 id="service-heading"><span class="sr-only">Service </span><span id="service-id" class="service-id-inline"><c:out value="${service.serviceId}"/></span></h1>
      <button type="button" id="copy-id" class="button ghost small" data-copy="service-id" data-copy-status="copy-status" hidden>Copy ID</button>
      <p id="copy-status" class="copy-status sr-only" role="status"></p>
    </div>
    <span id="status" class="badge status-${service.status}"><c:out value="${service.status}"/></span>
  </div>
  <p class="meta">Bucket <code class="bucket"><c:out value="${service.bucket}"/></code>
    <span aria-hidden="true">&middot;</span> submitted by <a id="service-user" href="<c:out value='${userUrl}'/>"><c:out value="${service.userName}"/></a></p>

  <div class="progress-block">
    <p class="progress-caption" id="progress-caption">
      <span><strong id="progress-text"><c:out value="${service.progress}"/></strong> images done</span>
      <span id="progress-percent" class="muted"><c:if test="${not empty service.percent}">${service.percent}%</c:if></span>
    </p>
    <div id="progress-bar" class="progress${empty service.percent ? ' indeterminate' : ''}${empty service.notice ? '' : ' nothing-done'}" role="progressbar"
         aria-labelledby="progress-caption" aria-valuemin="0"
         <c:if test="${not empty service.percent}">aria-valuemax="100" aria-valuenow="${service.percent}"</c:if>
         aria-valuetext="<c:out value='${service.progress}'/> images">
      <div class="progress-fill pct-${empty service.percent ? 100 : service.percent}"></div>
    </div>
    <p id="progress-hint" class="hint"<c:if test="${not service.running}"> hidden</c:if>>This page follows the service until it is done.</p>
    <p id="announcer" class="sr-only" aria-live="polite"></p>
  </div>

  <div id="service-notice" class="alert alert-notice" role="status"<c:if test="${empty service.notice}"> hidden</c:if>>
    <p class="alert-title">No JPEG pictures in this bucket</p>
    <p id="service-notice-text"><c:out value="${service.notice}"/></p>
  </div>

  <div id="service-error" class="alert" role="alert"<c:if test="${not service.failed}"> hidden</c:if>>
    <p class="alert-title">The service failed</p>
    <p id="service-error-text"><c:out value="${service.error}" default="for a reason that was not recorded"/></p>
  </div>

  <dl class="stats">
    <div class="stat stat-day"><dt>Day</dt><dd id="count-day">${tally.day}</dd></div>
    <div class="stat stat-night"><dt>Night</dt><dd id="count-night">${tally.night}</dd></div>
    <div class="stat stat-error"><dt>Errors</dt><dd id="count-error">${tally.errors}</dd></div>
  </dl>

  <dl class="facts">
    <div><dt>Requested</dt><dd><dn:time value="${service.requested}"/></dd></div>
    <div><dt>Started</dt><dd><dn:time value="${service.started}" elementId="started-time" placeholder="${service.running ? 'not yet' : '-'}"/></dd></div>
    <div><dt>Ended</dt><dd><dn:time value="${service.ended}" elementId="ended-time" placeholder="not yet"/></dd></div>
    <div><dt>Duration</dt><dd id="duration"><c:out value="${service.duration}" default="-"/></dd></div>
  </dl>
  <p class="hint" data-zone-note hidden>Times in your time zone, <span data-zone></span>; hover a time for UTC.</p>

  <div class="actions downloads">
    <a id="download-json" class="button secondary" href="<c:out value='${jsonUrl}'/>" download="<c:out value='${service.serviceId}'/>.json">Download JSON</a>
    <a id="download-csv" class="button secondary" href="<c:out value='${csvUrl}'/>" download="<c:out value='${service.serviceId}'/>.csv">Download CSV</a>
  </div>
</section>

<section id="results-card" class="card" aria-labelledby="results-heading"
         data-filter="${filter.value}" data-max-rows="${tally.maxRows}">
  <div class="results-head">
    <h2 id="results-heading">Results</h2>
    <nav class="filters" aria-label="Show results">
      <ul>
        <c:forEach var="choice" items="all,day,night,error">
          <c:url var="filterUrl" value="${pageUrl}"><c:if test="${choice != 'all'}"><c:param name="show" value="${choice}"/></c:if></c:url>
          <li><a href="<c:out value='${filterUrl}'/>" data-filter="${choice}"<c:if test="${filter.value == choice}"> aria-current="true"</c:if>>
            <c:choose><c:when test="${choice == 'all'}">All</c:when><c:when test="${choice == 'day'}">Day</c:when><c:when test="${choice == 'night'}">Night</c:when><c:otherwise>Errors</c:otherwise></c:choose>
            <span class="count" id="filter-count-${choice}">${choice == 'all' ? tally.total : choice == 'day' ? tally.day : choice == 'night' ? tally.night : tally.errors}</span></a></li>
        </c:forEach>
      </ul>
    </nav>
  </div>
  <p id="truncated-note" class="note"<c:if test="${not tally.truncated}"> hidden</c:if>>This page lists the first
    <c:out value="${tally.maxRows}"/> of <span id="matching-count"><c:out value="${tally.matching}"/></span> results.
    All of them are in the <a href="<c:out value='${jsonUrl}'/>">JSON</a> and the <a href="<c:out value='${csvUrl}'/>">CSV</a>.</p>
  <p id="empty-note" class="empty"<c:if test="${not empty tally.rows}"> hidden</c:if>>
    <c:choose>
      <c:when test="${tally.total == 0 and service.running}">No image is done yet.</c:when>
      <c:when test="${tally.total == 0}">No image was classified.</c:when>
      <c:otherwise>No result of this kind.</c:otherwise>
    </c:choose>
  </p>
  <div class="table-wrap"<c:if test="${empty tally.rows}"> hidden</c:if>>
    <table id="results">
      <caption class="sr-only">Results, in the bucket's listing order</caption>
      <thead>
        <tr><th scope="col" class="col-image">Image</th><th scope="col">Result</th><th scope="col" class="number">Confidence</th></tr>
      </thead>
      <tbody>
      <c:forEach var="row" items="${tally.rows}">
        <tr data-result="<c:out value='${row.result}'/>">
          <td class="image"><c:out value="${row.image}"/></td>
          <td><span class="badge result-<c:out value='${row.result}'/>"><c:out value="${row.result}"/></span><c:if test="${row.failed}"> <span class="error-text"><c:out value="${row.error}"/></span></c:if></td>
          <td class="number"><c:out value="${row.confidence}"/></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </div>
  <template id="row-template">
    <tr><td class="image"></td><td><span class="badge"></span></td><td class="number"></td></tr>
  </template>
</section>
<%@ include file="footer.jspf" %>
