<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="submitProblem" value="${form == 'submit' ? problemField : null}"/>
<c:set var="lookupError" value="${form == 'lookup' ? problemMessage : null}"/>
<c:set var="pageTitle" value="${empty problemMessage ? 'Classify a bucket' : 'Check the form - Classify a bucket'}"/>
<c:set var="pageScripts" value="recent-services.js,name-length.js"/>
<c:set var="navCurrent" value="new"/>
<%@ include file="header.jspf" %>
<div class="home">
<section aria-labelledby="submit-heading" class="card card-main">
  <h1 id="submit-heading">Classify the images of a bucket</h1>
  <p class="lead">Every JPEG in a Google Cloud Storage bucket is sorted into pictures taken by day and by night.
     You get a ServiceID at once; the work goes on in the background.</p>
  <c:if test="${localMode}">
    <p class="hint" id="local-mode">Local mode: no sign-in (<code>AUTH=none</code>), for one person on this
       machine; every bucket may be read and every service is shown.</p>
  </c:if>
  <c:if test="${form == 'submit' and not empty problemMessage and problemField != 'userName' and problemField != 'bucket'}">
    <div class="alert" role="alert">
      <p class="alert-title"><c:out value="${problemStatus == 503 ? 'The service is busy' : 'The request was not accepted'}"/></p>
      <p><c:out value="${problemMessage}"/></p>
    </div>
  </c:if>
  <form method="post" action="<c:url value='/services'/>" accept-charset="UTF-8" novalidate class="stack">
    <%-- This rendering's own key: the form sent twice (a double click, a resent POST) starts one service. --%>
    <input type="hidden" name="${formTokenField}" value="<c:out value='${formToken}'/>">
    <div class="field">
      <label for="userName">Your name</label>
      <%-- No maxlength: a browser counts it in UTF-16 units (50 emoji), the server in characters (code points),
           as MySQL's VARCHAR(100) does; name-length.js counts as the server does. --%>
      <input id="userName" name="userName" type="text" data-max-chars="100" required autocomplete="name"
             value="<c:out value='${typedUserName}'/>"
             aria-describedby="userName-hint${submitProblem == 'userName' ? ' userName-error' : ''}"
             <c:if test="${submitProblem == 'userName'}">aria-invalid="true" autofocus</c:if>>
      <p id="userName-hint" class="hint">1 to 100 characters. Your services are listed under this name.</p>
      <p id="userName-length" class="field-error" aria-live="polite" hidden></p>
      <c:if test="${submitProblem == 'userName'}">
        <p id="userName-error" class="field-error"><c:out value="${problemMessage}"/></p>
      </c:if>
    </div>
    <div class="field">
      <label for="bucket">Bucket name</label>
      <div class="input-affix">
        <span class="affix" aria-hidden="true">gs://</span>
        <input id="bucket" name="bucket" type="text" maxlength="222" required spellcheck="false"
               autocomplete="off" autocapitalize="none" class="mono" value="<c:out value='${typedBucket}'/>"
               aria-describedby="bucket-hint${submitProblem == 'bucket' ? ' bucket-error' : ''}"
               <c:if test="${submitProblem == 'bucket'}">aria-invalid="true" autofocus</c:if>>
      </div>
      <p id="bucket-hint" class="hint">The bucket's name only, for example <code>holiday-photos-2026</code>:
        lowercase letters, digits, dashes, underscores and dots, 3 to 63 characters.</p>
      <c:if test="${submitProblem == 'bucket'}">
        <p id="bucket-error" class="field-error"><c:out value="${problemMessage}"/></p>
      </c:if>
    </div>
    <div class="actions">
      <button type="submit" class="button primary">Classify images</button>
    </div>
  </form>

  <section id="recent" class="recent" aria-labelledby="recent-heading" aria-live="polite" hidden
           data-list-url="<c:url value='/services'/>">
    <h2 id="recent-heading">Recent services of <span id="recent-name"></span></h2>
    <ul id="recent-list" class="recent-list"></ul>
    <p><a id="recent-all" href="<c:url value='/services'/>">All services of this name</a></p>
  </section>
</section>

<div class="side">
  <section aria-labelledby="lookup-heading" class="card">
    <h2 id="lookup-heading">Look up a service</h2>
    <%@ include file="lookup-form.jspf" %>
  </section>

  <section aria-labelledby="list-heading" class="card">
    <h2 id="list-heading">Your services</h2>
    <form method="get" action="<c:url value='/services'/>" class="inline-form">
      <div class="field">
        <label for="listUserName">Your name</label>
        <div class="input-row">
          <input id="listUserName" name="userName" type="text" data-max-chars="100" required autocomplete="name"
                 <c:if test="${form == 'list'}">aria-invalid="true" aria-describedby="list-error" autofocus</c:if>>
          <button type="submit" class="button secondary">List</button>
        </div>
        <c:if test="${form == 'list'}">
          <p id="list-error" class="field-error"><c:out value="${problemMessage}"/></p>
        </c:if>
      </div>
    </form>
  </section>
</div>
</div>
<%@ include file="footer.jspf" %>
